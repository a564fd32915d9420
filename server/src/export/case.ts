// `export --format case`: a 1EdTech CASE 1.1 package (CFPackage: the CFDocument, CFItems and
// CFAssociations, at the top level as the CASE 1.1 REST binding returns GET /CFPackages/{id}),
// ready for a CASE server's import (OpenSALT, SuitCASE ...). What goes where:
//   CFDocument   the export (one course, or the project): identifier, uri, creator, title,
//                lastChangeDateTime (required), caseVersion "1.1", adoptionStatus "Draft",
//                notes naming the source
//   CFItems      courses (when several), sections, objectives ("Learning Objective") and
//                outcomes ("Outcome"): identifier, uri, fullStatement, lastChangeDateTime
//                (required), CFItemType, humanCodingScheme (an objective's own ID),
//                conceptKeywords and notes (Bloom level and verb; criterion; outcomes),
//                listEnumeration (position among its siblings)
//   CFAssociations  "isChildOf" from each item to its section (or the document), with a
//                sequenceNumber; "isRelatedTo" from an outcome to each objective it measures
// Identifiers are version 5 UUIDs of the file path and the item's ID (or section path), so they
// are the same on every run; uri is "urn:uuid:" + identifier unless a base URI is given.
import { objectiveDetails } from './common.js';
import { uuidV5 } from './ids.js';
import type { ExportGroup, ExportItem, ExportObjective, ExportProject } from './model.js';

export interface CaseOptions {
  /** lastChangeDateTime of everything exported (the newest source file's modification time,
   * or SOURCE_DATE_EPOCH): given, so the export is a function of its input. */
  lastChange: Date;
  /** Where the URIs point: "{baseUri}/{identifier}"; default "urn:uuid:{identifier}". */
  baseUri?: string;
  /** The document's creator (required by CASE); default "Bloomline". */
  creator?: string;
}

interface LinkGenUri {
  title: string;
  identifier: string;
  uri: string;
  targetType?: string;
}

export function formatCase(project: ExportProject, options: CaseOptions): string {
  const stamp = options.lastChange.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uriOf = (identifier: string) =>
    options.baseUri
      ? `${options.baseUri.replace(/\/+$/, '')}/${identifier}`
      : `urn:uuid:${identifier}`;
  const documentKey = project.courses.map((c) => c.path).join('\u0000');
  const docId = uuidV5(`document\u0000${documentKey}`);
  const document = {
    identifier: docId,
    uri: uriOf(docId),
    creator: options.creator ?? 'Bloomline',
    title: project.title,
    lastChangeDateTime: stamp,
    caseVersion: '1.1',
    adoptionStatus: 'Draft',
    notes: `Learning objectives of ${project.courses.map((c) => c.path).join(', ')}, exported by Bloomline.`,
  };
  const docLink: LinkGenUri = {
    title: project.title,
    identifier: docId,
    uri: document.uri,
    targetType: 'CFDocument',
  };
  const items: Record<string, unknown>[] = [];
  const associations: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const itemId = (key: string): string => {
    let id = uuidV5(key);
    // Two sections of one file with the same path: the second is told apart by its order.
    for (let n = 2; seen.has(id); n++) id = uuidV5(`${key}\u0000${n}`);
    seen.add(id);
    return id;
  };
  const associate = (
    type: 'isChildOf' | 'isRelatedTo',
    origin: LinkGenUri,
    destination: LinkGenUri,
    sequenceNumber?: number,
  ) => {
    const identifier = uuidV5(`${type}\u0000${origin.identifier}\u0000${destination.identifier}`);
    associations.push({
      identifier,
      associationType: type,
      uri: uriOf(identifier),
      originNodeURI: origin,
      destinationNodeURI: destination,
      ...(sequenceNumber !== undefined ? { sequenceNumber } : {}),
      lastChangeDateTime: stamp,
    });
  };
  const addItem = (
    fields: Record<string, unknown> & { fullStatement: string; CFItemType: string },
    key: string,
    parent: LinkGenUri,
    position: number,
  ): LinkGenUri => {
    const identifier = itemId(key);
    items.push({
      identifier,
      uri: uriOf(identifier),
      ...fields,
      listEnumeration: String(position),
      lastChangeDateTime: stamp,
    });
    const link: LinkGenUri = {
      title: title(fields),
      identifier,
      uri: uriOf(identifier),
      targetType: 'CFItem',
    };
    associate('isChildOf', link, parent, position);
    return link;
  };

  const several = project.courses.length > 1;
  project.courses.forEach((course, courseIndex) => {
    const objectiveLinks = new Map<string, LinkGenUri>();
    const pendingOutcomes: { link: LinkGenUri; objectives: string[] }[] = [];
    const base = `${course.path}\u0000`;
    const addObjective = (o: ExportObjective, parent: LinkGenUri, position: number) => {
      const link = addItem(
        {
          fullStatement: o.text,
          CFItemType: 'Learning Objective',
          ...(o.explicitId ? { humanCodingScheme: o.id } : {}),
          ...(o.level ? { conceptKeywords: [`Bloom: ${o.level}`] } : {}),
          notes: objectiveDetails(o, course.path, { assessments: true }).join('\n'),
        },
        `${base}objective\u0000${o.id}`,
        parent,
        position,
      );
      objectiveLinks.set(o.id, link);
      o.children.forEach((child, i) => addObjective(child, link, i + 1));
    };
    const addContents = (g: ExportGroup, parent: LinkGenUri) => {
      let position = 0;
      for (const item of g.items) addContent(item, parent, ++position);
      for (const child of g.groups) {
        const link = addItem(
          {
            fullStatement: child.title,
            CFItemType: 'Section',
            notes: `${child.path.join(' › ')} (${course.path}${child.line ? `, line ${child.line}` : ''}).`,
          },
          `${base}section\u0000${child.path.slice(1).join('\u0000')}`,
          parent,
          ++position,
        );
        addContents(child, link);
      }
    };
    const addContent = (item: ExportItem, parent: LinkGenUri, position: number) => {
      if (item.kind === 'objective') {
        addObjective(item, parent, position);
        return;
      }
      const notes = [
        item.target ? `Target: ${item.target}` : null,
        item.timeframe ? `Timeframe: ${item.timeframe}` : null,
        `Source: ${course.path}, line ${item.line}${item.explicitId ? `, ID ${item.sourceId}` : ''}.`,
      ].filter((x): x is string => x !== null);
      const link = addItem(
        {
          fullStatement: item.text,
          CFItemType: 'Outcome',
          ...(item.explicitId ? { humanCodingScheme: item.id } : {}),
          notes: notes.join('\n'),
        },
        `${base}outcome\u0000${item.id}`,
        parent,
        position,
      );
      pendingOutcomes.push({ link, objectives: item.objectives });
    };
    let top = docLink;
    if (several) {
      top = addItem(
        {
          fullStatement: course.title,
          CFItemType: 'Course',
          notes: `Course outline ${course.path}.`,
        },
        `${base}course`,
        docLink,
        courseIndex + 1,
      );
    }
    addContents(course.root, top);
    for (const { link, objectives } of pendingOutcomes) {
      for (const id of objectives) {
        const target = objectiveLinks.get(id);
        if (target) associate('isRelatedTo', link, target);
      }
    }
  });
  return (
    JSON.stringify(
      { CFDocument: document, CFItems: items, CFAssociations: associations },
      null,
      2,
    ) + '\n'
  );
}

/** A link's title: the item's own ID, or its statement cut short. */
function title(fields: { fullStatement: string; humanCodingScheme?: unknown }): string {
  if (typeof fields.humanCodingScheme === 'string') return fields.humanCodingScheme;
  const t = fields.fullStatement.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
