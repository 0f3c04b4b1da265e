// The simulator's control interface over HTTP (/__sim/ on the data host, behind the x-sim-control token): the
// story clock, faults, WAF, sessions, the request logs and the processing-times publication, for the app's demo and for tests in other processes.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http-kit';
import { CASE_KEYS, type FaultRule, type WrongReceiptRuleInput } from './scenario-schema';
import { scenarioPhases } from './scenarios';
import type { Simulator } from './simulator-api';
import type { SimWorld } from './sim-world';

const CONTROL_HEADER = 'x-sim-control';

/** Answers one control request; a request without the control token gets 403. */
export async function handleControl(api: Simulator, world: SimWorld, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { scenario, clock, receipts, faults, waf } = world;
  if (req.headers[CONTROL_HEADER] !== api.controlToken) return sendJson(res, 403, { error: 'control token required' });
  const body = req.method === 'POST' ? (JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>) : {};
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /__sim/state': {
      const records = world.recordsNow();
      return sendJson(res, 200, {
        scenario: scenario.name,
        now: new Date(clock.now()).toISOString(),
        storyDay: api.storyDay(),
        speed: clock.speed,
        phases: scenarioPhases(scenario),
        cases: Object.fromEntries(CASE_KEYS.map((key) => [key, { receipt: receipts[key], status: records[key]?.status?.wording.title.en ?? null }])),
        faults: faults.list(),
        waf: waf.enabled,
        rotateContentIds: world.settings.rotateContentIds,
        wrongReceipt: world.settings.wrongReceipt,
      });
    }
    case 'POST /__sim/advance':
      if (typeof body.phase === 'string') api.advanceToPhase(body.phase);
      else api.advance(Number(body.ms));
      return sendJson(res, 200, { now: new Date(clock.now()).toISOString(), storyDay: api.storyDay() });
    case 'POST /__sim/faults':
      api.setFaults(Array.isArray(body.rules) ? (body.rules as FaultRule[]) : []);
      return sendJson(res, 200, { faults: faults.list() });
    case 'POST /__sim/rotate-content-ids':
      if (typeof body.enabled !== 'boolean') return sendJson(res, 400, { error: 'enabled must be true or false' });
      api.setRotateContentIds(body.enabled);
      return sendJson(res, 200, { rotateContentIds: world.settings.rotateContentIds });
    case 'POST /__sim/wrong-receipt':
      api.setWrongReceipt(Array.isArray(body.rules) ? (body.rules as WrongReceiptRuleInput[]) : []);
      return sendJson(res, 200, { wrongReceipt: world.settings.wrongReceipt });
    case 'POST /__sim/waf':
      api.setWaf(body.enabled === true);
      return sendJson(res, 200, { waf: waf.enabled });
    case 'POST /__sim/session':
      return sendJson(res, 200, { cookie: api.createSession({ warm: body.warm !== false }) });
    case 'POST /__sim/expire-sessions':
      api.expireSessions();
      return sendJson(res, 200, { expired: true });
    case 'GET /__sim/log':
      return sendJson(res, 200, { requests: api.requestLog() });
    case 'GET /__sim/times-log':
      return sendJson(res, 200, { requests: api.timesRequestLog() });
    case 'POST /__sim/processing-times': {
      // `bump: true` publishes new times dated today; `unpublishedForms` lists the forms that answer 204.
      if (Array.isArray(body.unpublishedForms)) api.setUnpublishedForms(body.unpublishedForms.map(String));
      const publication = body.bump === true ? api.bumpPublication() : null;
      return sendJson(res, 200, { publication, unpublishedForms: body.unpublishedForms ?? null });
    }
    default:
      return sendJson(res, 404, { error: 'unknown control request' });
  }
}
