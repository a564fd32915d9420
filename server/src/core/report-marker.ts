// The mark Bloomline's Markdown report carries, in a module of its own: the report writers
// (bundled into the extension host too) import it without the rest of the core.

/**
 * The first line of a Markdown alignment report (`bloomline report --format md`, the editor's
 * export): a file that starts with it is Bloomline's own output, whose tables repeat the
 * outlines' objectives and outcomes with their IDs. Saved among the outlines (a report
 * committed next to the lessons), it is read as nothing: it gets no findings and is no course.
 */
export const REPORT_MARKER =
  '<!-- bloomline-report: written by Bloomline, which does not read this file as a course outline -->';
