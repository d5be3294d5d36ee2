// Messages between the extension and the dashboard webview.
import type { Range, ResourceDetails, WorkspaceSummary } from './summary';

export interface DashboardContext { trusted: boolean; workspaceName: string; updatedAt: string; section?: 'costs' | 'compliance' | 'recommendations' }

export type ToWebview =
  | { type: 'summary'; summary: WorkspaceSummary; context: DashboardContext }
  | { type: 'resource'; details: ResourceDetails | null; address: string }
  | { type: 'focus'; section: 'costs' | 'compliance' | 'recommendations' }
  | { type: 'error'; message: string }
  | { type: 'fixResult'; key: string; ok: boolean; message: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'reveal'; uri: string; range?: Range }
  | { type: 'applyFix'; key: string; uri: string; range: Range; ruleId: string }
  | { type: 'export' }
  | { type: 'openPolicy' }
  | { type: 'connectAws' }
  | { type: 'details'; uri: string; address: string };

/** Whether an object from the webview is a message the extension understands (the webview is not trusted input). */
export function isFromWebview(m: unknown): m is FromWebview {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  const str = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length < 4096;
  const range = (v: unknown) => {
    const r = v as Range | undefined;
    return !!r && typeof r === 'object' && [r.start, r.end].every((p) => p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0);
  };
  switch (x.type) {
    case 'ready': case 'refresh': case 'export': case 'openPolicy': case 'connectAws': return true;
    case 'reveal': return str(x.uri) && (x.range === undefined || range(x.range));
    case 'applyFix': return str(x.key) && str(x.uri) && range(x.range) && str(x.ruleId);
    case 'details': return str(x.uri) && str(x.address);
    default: return false;
  }
}
