/** Fills `{{name}}` placeholders of a UI string template in the browser (islands get raw templates). */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
