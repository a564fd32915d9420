// Bloomline's core: pure analysis of course outlines. Text in; outline model, findings and
// fixes out. No editor, protocol or file-system code here.
export * from './model.js';
export { LineIndex, LinePositions, lineBreakOf, type Position } from './text.js';
export {
  CONFIG_KEYS,
  DEFAULT_CONFIG,
  PRESETS,
  PRESET_KINDS,
  RULE_DEFAULTS,
  RULE_IDS,
  resolveConfig,
  cascadeConfig,
  duplicateKeyIssues,
  didYouMean,
  editDistance,
  type Config,
  type ConfigIssue,
  type ConfigLayer,
  type CascadedConfig,
  type PatternList,
  type ResolvedConfigData,
  type Linking,
  type PresetName,
} from './config.js';
export {
  formatJsonPath,
  parseLocatedJson,
  type JsonPath,
  type JsonSpan,
  type LocatedJson,
} from './located-json.js';
export { buildOutline } from './outline.js';
export { REPORT_MARKER } from './report-marker.js';
export {
  MAX_OUTLINE_BYTES,
  MAX_NESTING_DEPTH,
  MAX_INLINE_DELIMITERS,
  MAX_BLOCK_LENGTH,
  MAX_ITEMS,
  maxNodes,
  utf8Length,
} from './limits.js';
export { ITEM_RULES, Workspace, isOutline, type WorkspaceOptions } from './workspace.js';
export { clearCaches, offerCachesToHeapProbe } from './caches.js';
export { dependsOnOtherFiles, linksAcrossFiles, summariseOutline } from './summary.js';
export { courseKind } from './kind.js';
export { applyEdits, fixFile, compatiblePreferredFixes } from './fix.js';
export {
  OUTLINE_EXTENSIONS,
  isOutlineName,
  isNotebookName,
  formatOf,
  readOutlineSource,
  readNotebook,
  fixStored,
  editParts,
  joinCells,
  IdentityView,
  NotebookView,
  type OutlineSource,
  type SourceFormat,
  type SourceView,
  type CellRange,
  type JoinedCells,
  type NotebookReading,
} from './formats/index.js';
export {
  outlineToJson,
  type JsonPositions,
  type OutlineJson,
  type ObjectiveJson,
  type OutcomeJson,
  type AssessmentJson,
  type KindJson,
  type SectionJson,
  type LinkJson,
} from './json.js';
export {
  buildReport,
  combineReports,
  type ReportJson,
  type CourseReport,
  type ReportAssessment,
  type Coverage,
  type LevelCounts,
} from './report.js';
export { RULES, ruleById, docsUrl, type Rule } from './rules/index.js';
export {
  Lexicon,
  lexiconFor,
  type VerbInfo,
  type VaguePhrase,
  type LevelInfo,
} from './language/lexicon.js';
export {
  SUPPRESSIONS_FILE,
  applySuppressions,
  countByRule,
  formatSuppressions,
  parseSuppressions,
  pruneSuppressions,
  recordSuppressions,
  type Applied,
  type FileFindings,
  type ParsedSuppressions,
  type Suppressions,
} from './suppressions.js';
