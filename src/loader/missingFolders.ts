import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import type { FoldPlace } from '../functions/kernel.js';
import { MISSING_FOLDER } from './resolver.js';

type Finding = ISpectralDiagnostic & { readonly places?: readonly FoldPlace[] };

// `reference to <file> cannot be read: <reason> (the folder <folder>/ does not exist)`, as the resolver words it.
const MISSING = new RegExp(`^reference to (.+) cannot be read: .+ \\(${MISSING_FOLDER} (.+) does not exist\\)$`, 's');

/**
 * One finding per missing folder: the `$ref`s into a folder that is not there (code samples a description
 * was copied without, 536 of them in one real description) have one cause and one fix. Two or more become
 * one finding at the first, naming the folder and the count, with every `$ref` in its places; a lone one
 * stays as it is. Other findings pass through in their order.
 */
export function foldMissingFolders(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, { first: number; members: Finding[]; files: string[] }>();
  findings.forEach((finding, i) => {
    if (finding.code !== 'invalid-ref') return;
    const match = MISSING.exec(finding.message);
    if (match === null) return;
    const folder = match[2]!;
    const group = groups.get(folder) ?? { first: i, members: [], files: [] };
    group.members.push(finding);
    group.files.push(match[1]!);
    groups.set(folder, group);
  });
  const folded = new Map<number, Finding>();
  const dropped = new Set<Finding>();
  for (const [folder, { first, members, files }] of groups) {
    if (members.length < 2) continue;
    for (const member of members) dropped.add(member);
    const head = members[0]!;
    const places: FoldPlace[] = members.map((m) => ({
      path: m.path,
      ...(m.source === undefined ? {} : { source: m.source }),
      range: m.range,
      message: m.message,
    }));
    folded.set(first, {
      ...head,
      message: `${members.length.toLocaleString('en-US')} references into ${folder} cannot be read: ${MISSING_FOLDER} does not exist (first: ${files[0]}); add the folder beside the description, or correct the references.`,
      places,
    });
  }
  if (folded.size === 0) return [...findings];
  const out: Finding[] = [];
  findings.forEach((finding, i) => {
    const fold = folded.get(i);
    if (fold !== undefined) out.push(fold);
    else if (!dropped.has(finding)) out.push(finding);
  });
  return out;
}
