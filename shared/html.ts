// Text put into HTML that DACA Watch writes itself (exported records, the employer's sheet, the simulator's pages):
// the five characters that could open markup or leave an attribute, escaped. Nothing else is changed.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
