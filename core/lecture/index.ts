// The lecture kit's public surface: a reduction as a lesson (Beamer, PowerPoint, PDF handout) and
// worksheets with answer keys. Pure builders: the app and the CLI call them and save the result.
// The PowerPoint and PDF builders pull in pptxgenjs and jsPDF: the app imports their modules lazily.
export * from './reduction-lesson';
export * from './reduction-beamer';
export * from './reduction-pptx';
export * from './reduction-handout';
export * from './worksheet-options';
export * from './worksheet-generator';
export * from './worksheet-latex';
export * from './worksheet-matrices';
export * from './worksheet-pdf';
export { primitiveIntegerVector } from './integer-basis';
export { escapeLatexText } from './latex-text';
export { operationNotation, operationWords, rowMarks } from './step-description';
