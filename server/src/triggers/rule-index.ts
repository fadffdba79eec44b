import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { triggerRows, type RuleRow } from './rows';

export interface IndexedRule {
  id: number;
  profileId: number;
  /** field.changed only: the value the field must change to. */
  value?: string | number | boolean | null;
}

/** The active rules that a save of one content type can set off. */
export interface UidRules {
  created: IndexedRule[];
  /** field name → rules watching it. */
  fields: Map<string, IndexedRule[]>;
  published: IndexedRule[];
}

/** Other processes learn of rule changes this late at most (this one at once). */
const TTL_MS = 10_000;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) =>
  map.set(key, [...(map.get(key) ?? []), value]);

/**
 * Active rules by content type uid, in memory: a save of a type no rule watches costs one map
 * lookup. Rebuilt when rules or profiles change (here at once, elsewhere within TTL_MS).
 */
export const createRuleIndex = (strapi: Core.Strapi) => {
  let loaded: { at: number; byUid: Promise<Map<string, UidRules>> } | null = null;

  const build = async (): Promise<Map<string, UidRules>> => {
    const rules = await triggerRows(strapi).rules({ paused: { $ne: true } });
    const byUid = new Map<string, UidRules>();
    if (rules.length === 0) return byUid;
    const sourceOf = new Map(
      (await getService(strapi, 'syncProfiles').listStored()).map((p) => [p.id, p.sourceUid])
    );
    const slot = (uid: string) => {
      let rulesOf = byUid.get(uid);
      if (!rulesOf) byUid.set(uid, (rulesOf = { created: [], fields: new Map(), published: [] }));
      return rulesOf;
    };
    for (const rule of rules as RuleRow[]) {
      const base = { id: rule.id, profileId: rule.profileId };
      const source = sourceOf.get(rule.profileId);
      const event = rule.event;
      if (event?.type === 'entry.created') slot(event.uid).created.push(base);
      else if (!source) continue;
      else if (event?.type === 'field.changed')
        push(slot(source).fields, event.field, { ...base, value: event.value });
      else if (event?.type === 'contact.published') slot(source).published.push(base);
    }
    return byUid;
  };

  return {
    async forUid(uid: string): Promise<UidRules | undefined> {
      if (!loaded || Date.now() - loaded.at > TTL_MS) {
        const byUid = build();
        loaded = { at: Date.now(), byUid };
        byUid.catch(() => (loaded = null));
      }
      return (await loaded.byUid).get(uid);
    },
    invalidate() {
      loaded = null;
    },
  };
};

export type RuleIndex = ReturnType<typeof createRuleIndex>;
