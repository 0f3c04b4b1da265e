// The simulator's egov host: USCIS's processing-times API in its published shape, its 204s, its block page, and the
// control requests that change the publication and read the request log (for tests in other processes and the demo).

import { describe, expect, it } from 'vitest';
import { frozenSimulator } from '../helpers/sim-fixture';

const DAY = 86_400_000;

describe('the processing-times host', () => {
  it('serves forms, subtypes, offices and times in the published shape, with a 204 where nothing is published', async () => {
    const sim = await frozenSimulator({ startDay: 20 });
    const get = async (path: string) => fetch(`${sim.timesOrigin}/processing-times/api/${path}`);
    const forms = (await (await get('forms')).json()) as { data: { forms: { forms: { form_name: string }[] } } };
    expect(forms.data.forms.forms.map((f) => f.form_name)).toEqual(expect.arrayContaining(['I-821D', 'I-765']));

    const types = (await (await get('formtypes/I-765')).json()) as { data: { form_types: { subtypes: { form_type: string; form_type_description_en: string }[] } } };
    const c33 = types.data.form_types.subtypes.find((s) => s.form_type_description_en.includes('(c)(33)'))!;
    const offices = (await (await get(`formoffices/I-765/${c33.form_type}`)).json()) as { data: { form_offices: { offices: { office_code: string }[] } } };
    const statuses = await Promise.all(offices.data.form_offices.offices.map(async (o) => (await get(`processingtime/I-765/${o.office_code}/${c33.form_type}`)).status));
    expect(statuses).toContain(200);
    expect(statuses).toContain(204);

    const office = offices.data.form_offices.offices[0]!.office_code;
    const time = (await (await get(`processingtime/I-765/${office}/${c33.form_type}`)).json()) as { data: { processing_time: Record<string, unknown> & { subtypes: Array<Record<string, unknown>> } } };
    expect(Object.keys(time.data.processing_time).sort()).toEqual(['form_name', 'form_note_en', 'form_note_es', 'office_code', 'subtypes']);
    expect(Object.keys(time.data.processing_time.subtypes[0]!).sort()).toEqual(
      ['form_type', 'publication_date', 'range', 'service_request_date', 'subtype_info_en', 'subtype_info_es', 'subtype_note_en', 'subtype_note_es'].sort(),
    );
    const [upper, lower] = time.data.processing_time.subtypes[0]!.range as { value: number; unit: string }[];
    expect(upper!.value).toBeGreaterThan(lower!.value);
    expect((await get('processingtime/I-765/NSC/nothing')).status).toBe(404);
  });

  it('changes its publication, stops publishing a form and shows its log over the control interface', async () => {
    const sim = await frozenSimulator({ startDay: 20 });
    const control = (path: string, body?: unknown) =>
      fetch(`${sim.dataOrigin}/__sim/${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'x-sim-control': sim.controlToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const path = `${sim.timesOrigin}/processing-times/api/processingtime/I-821D/QXN/ptk-311`;
    const before = (await (await fetch(path)).json()) as { data: { processing_time: { subtypes: { publication_date: string; range: { value: number }[] }[] } } };
    sim.advance(30 * DAY);
    const bumped = (await (await control('processing-times', { bump: true })).json()) as { publication: { publicationDate: string } };
    const after = (await (await fetch(path)).json()) as typeof before;
    expect(after.data.processing_time.subtypes[0]!.publication_date).toBe(bumped.publication.publicationDate);
    expect(after.data.processing_time.subtypes[0]!.publication_date).not.toBe(before.data.processing_time.subtypes[0]!.publication_date);
    expect(after.data.processing_time.subtypes[0]!.range[0]!.value).not.toBe(before.data.processing_time.subtypes[0]!.range[0]!.value);

    await control('processing-times', { unpublishedForms: ['I-821D'] });
    expect((await fetch(path)).status).toBe(204);
    await fetch(path, { headers: { cookie: 'a=b' } });
    const log = (await (await control('times-log')).json()) as { requests: { headers: Record<string, string>; status: number }[] };
    expect(log.requests).toHaveLength(4);
    expect(log.requests.at(-1)!.headers.cookie).toBe('a=b');
  });

  it('answers a block-page fault with a 403 Access Denied page naming egov', async () => {
    const sim = await frozenSimulator({ startDay: 20, faults: [{ endpoint: 'egov-processingtime', kind: 'block-page', times: 1 }] });
    const first = await fetch(`${sim.timesOrigin}/processing-times/api/processingtime/I-821D/QXN/ptk-311`);
    expect(first.status).toBe(403);
    expect(await first.text()).toContain('egov&#46;uscis&#46;gov');
    // Only the one request, only on egov: formtypes and the next processingtime answer normally.
    expect((await fetch(`${sim.timesOrigin}/processing-times/api/formtypes/I-821D`)).status).toBe(200);
    expect((await fetch(`${sim.timesOrigin}/processing-times/api/processingtime/I-821D/QXN/ptk-311`)).status).toBe(200);
  });
});
