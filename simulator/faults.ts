// Switchable faults for the data host's endpoints: which rule, if any, hits a given request.
// Counting is deterministic (next N, every Nth); producing the faulty response is the server's job.

import type { FaultRule } from './scenario-schema';

interface ActiveRule {
  rule: FaultRule;
  matched: number;
  applied: number;
}

export class FaultBoard {
  private rules: ActiveRule[] = [];

  constructor(initial: readonly FaultRule[] = []) {
    this.set(initial);
  }

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, matched: 0, applied: 0 }));
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, matched: 0, applied: 0 });
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule }) => rule);
  }

  /**
   * The first rule that fires for this request; every matching rule counts the request. `wildcard` names the rule
   * that hits every API request of this host (`any-api` on my.uscis.gov, `any-egov` on the processing-times host).
   */
  pick(endpoint: string, receipt: string | undefined, isApi: boolean, wildcard = 'any-api'): FaultRule | null {
    let fired: ActiveRule | null = null;
    for (const active of this.rules) {
      const { rule } = active;
      const endpointMatches = rule.endpoint === endpoint || (rule.endpoint === wildcard && isApi);
      if (!endpointMatches || (rule.receipt !== undefined && rule.receipt !== receipt)) continue;
      active.matched += 1;
      if (fired) continue;
      if (rule.times !== undefined && active.applied >= rule.times) continue;
      if (rule.every !== undefined && active.matched % rule.every !== 0) continue;
      active.applied += 1;
      fired = active;
    }
    return fired?.rule ?? null;
  }
}
