import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rulesets/rules');

export interface DocPage {
  title: string;
  description: string;
  /** `##` headings in order. */
  sections: string[];
  /** `###` headings under `## Options`. */
  options: string[];
  nonCompliant: string[];
  compliant: string[];
}

/** Reads a rule's doc page into the parts the meta tests hold against the code. */
export function readDocPage(ruleId: string): DocPage {
  const text = readFileSync(path.join(RULES_DIR, `${ruleId}.md`), 'utf8');
  const lines = text.split('\n');
  const title = (lines[0] ?? '').replace(/^# /, '');
  const description = (lines.slice(1).find((l) => l.trim() !== '') ?? '').trim();
  const sections: string[] = [];
  const options: string[] = [];
  const nonCompliant: string[] = [];
  const compliant: string[] = [];
  let section = '';
  let sub = '';
  let block: string[] | undefined;
  for (const line of lines) {
    if (block !== undefined) {
      if (line.startsWith('```')) {
        const code = block.join('\n');
        if (section === 'Examples' && sub === 'Non-compliant') nonCompliant.push(code);
        if (section === 'Examples' && sub === 'Compliant') compliant.push(code);
        block = undefined;
      } else block.push(line);
      continue;
    }
    if (line.startsWith('```yaml')) block = [];
    else if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      sub = '';
      sections.push(section);
    } else if (line.startsWith('### ')) {
      sub = line.slice(4).trim();
      if (section === 'Options') options.push(sub);
    }
  }
  return { title, description, sections, options, nonCompliant, compliant };
}
