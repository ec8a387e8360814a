import { describe, expect, it } from 'vitest';
import { parsePath } from '../../src/openapi/pathGrammar.js';
import { customMethodVerbs, segmentVerbs } from '../../src/openapi/segmentVerbs.js';

const NONE: ReadonlySet<string> = new Set();

/** The verbs of the last segment of a path (its next segment is undefined) or of segment `index`. */
function verbsOf(path: string, index?: number, extraVerbs: ReadonlySet<string> = NONE): string[] {
  const { segments } = parsePath(path);
  const i = index ?? segments.length - 1;
  return segmentVerbs(segments[i]!, extraVerbs, segments[i + 1]);
}

// Each row: path, the index of the segment judged (the last when omitted), the verbs its words alone use.
const rows: [string, number | undefined, string[]][] = [
  // The guideline's own examples.
  ['/get_inventory_by_id', undefined, ['get']],
  ['/posts/delete/233', 1, ['delete']],
  ['/addItem', undefined, ['add']],
  ['/accounts/{id}/activate', undefined, ['activate']],
  // Verbs the lexicon knows that no hand list had.
  ['/me/player/seek', undefined, ['seek']],
  ['/articles/{id}/refer', undefined, ['refer']],
  ['/_render/template', 0, ['render']],
  ['/alerts/{id}/dismiss', undefined, ['dismiss']],
  ['/accounts/{id}/unlink_card', undefined, ['unlink']],
  ['/compare/{basehead}', 0, ['compare']],
  // A leading underscore names an action: any verb reading counts.
  ['/{index}/_reindex', undefined, ['reindex']],
  ['/{index}/_explain/{id}', 1, ['explain']],
  ['/{index}/_search', undefined, ['search']],
  ['/{index}/_count', undefined, ['count']],
  // Compounds: a verb at the end, after words that say how; a verb first.
  ['/messages/bulk-delete', undefined, ['delete']],
  ['/items/batchGetItems', undefined, ['get']],
  ['/users/auto_assign_roles', undefined, ['assign']],
  ['/tasks/{id}/addFollowers', undefined, ['add']],
  ['/apps/{id}/regenerate_secret', undefined, []],
  ['/databases/{id}/install_update', undefined, ['install']],
  ['/metadata_queries/execute_read', undefined, ['execute']],
  // RPC methods: the last part of a dotted name.
  ['/conversations.list', undefined, ['list']],
  ['/conversations.archive', undefined, ['archive']],
  ['/users.lookupByEmail', undefined, ['lookup']],
  ['/admin.usergroups.listChannels', undefined, ['list']],
  // A `#` fragment of the key is never sent: no part of the path.
  ['/schema#add', undefined, []],
  // A method part that starts with a word read as a noun first, before its object: a verb.
  ['/dnd.endDnd', undefined, ['end']],
  ['/dnd.endSnooze', undefined, ['end']],
  ['/chat.postMessage', undefined, ['post']],
  ['/calls.end', undefined, ['end']],
  // Near-misses: nouns that English also uses as verbs, in noun positions.
  ['/change_events', undefined, []],
  ['/check_runs/{id}', 0, []],
  ['/users/{id}/user_task_list', undefined, []],
  ['/users/{id}/status_update', undefined, []],
  ['/list_of_users', undefined, []],
  ['/add-ons/{id}', 0, []],
  ['/AddOnResults/{id}', 0, []],
  ['/v2/partner_network_connect/attachments', 1, []],
  ['/users/count', undefined, []],
  ['/payments/{id}/refund', undefined, []],
  ['/files/{id}/download_url', undefined, []],
  ['/team.accessLogs', undefined, []],
  ['/conversations.close', undefined, ['close']],
  ['/workflows.stepCompleted', undefined, []],
  // A method part whose word the texts never use as a verb names a thing (`oauth.access`, `dnd.teamInfo`).
  ['/oauth.access', undefined, []],
  ['/oauth.v2.access', undefined, []],
  ['/dnd.teamInfo', undefined, []],
  ['/admin.teams.accessLogs', undefined, []],
  ['/chat.meMessage', undefined, []],
  ['/admin.inviteRequests.list', undefined, ['list']],
  ['/{index}/_termvectors', undefined, []],
  ['/{index}/_doc/{id}', 1, []],
  ['/Accounts/{id}/SIP', undefined, []],
  ['/<upload_url>', undefined, []],
  ['/requests/{id}', 0, []],
  ['/exports/resource', undefined, []],
  // A verb followed by a static segment that names a thing is a namespace; a method verb or a number keeps it a verb.
  ['/database/compute/settings', 1, []],
  ['/v2/apps/{id}/rollback/validate', 4, ['validate']],
  ['/users/list/all', 1, ['list']],
];

describe('segmentVerbs', () => {
  it.each(rows)('%s [%s] -> %j', (path, index, verbs) => {
    expect(verbsOf(path, index)).toEqual(verbs);
  });

  it('a team verb is a verb in every position', () => {
    expect(verbsOf('/orders/{id}/geocode')).toEqual([]);
    expect(verbsOf('/orders/{id}/geocode', undefined, new Set(['geocode']))).toEqual(['geocode']);
    expect(verbsOf('/geocode_orders', undefined, new Set(['geocode']))).toEqual(['geocode']);
  });
});

describe('customMethodVerbs', () => {
  it.each([
    ['/levels:append', ['append']],
    ['/projects/{id}:undelete', ['undelete']],
    ['/items:batchGet', ['get']],
    ['/files/{id}:search', ['search']],
    ['/files/{id}:metadata', []],
    ['/levels:trim', ['trim']],
  ] as [string, string[]][])('%s -> %j', (path, verbs) => {
    const { segments } = parsePath(path);
    expect(customMethodVerbs(segments[segments.length - 1]!, NONE)).toEqual(verbs);
  });
});
