using FinOpsCopilot.Core.Fixes;
using FinOpsCopilot.Core.Text;
using FinOpsCopilot.LanguageServer.Protocol;

namespace FinOpsCopilot.LanguageServer.Features;

/// <summary>Quick fixes for the findings under a range, each tied to the diagnostic it fixes.</summary>
public static class CodeActionBuilder
{
    public static CodeAction[] Build(FileAnalysis analysis, CodeActionParams request, ServerWorkspace workspace)
    {
        if (analysis.Document is not { } document) return [];
        if (request.Context.Only is { Length: > 0 } only && !only.Any(k => k == CodeActionKind.QuickFix || CodeActionKind.QuickFix.StartsWith(k + ".", StringComparison.Ordinal)))
            return [];
        var range = DiagnosticMapper.FromRange(request.Range);
        var actions = new List<CodeAction>();
        foreach (var finding in analysis.Findings)
        {
            if (!Overlaps(finding.Range, range)) continue;
            var diagnostic = DiagnosticMapper.ToDiagnostic(finding);
            var resourceDocument = finding.ResourceAddress is null ? null
                : document.Resources.Any(r => r.Address == finding.ResourceAddress) ? document : workspace.DocumentDeclaring(finding.ResourceAddress);
            var context = new FixContext(finding, document, resourceDocument, analysis.Policy, path => workspace.Get(path)?.Document);
            foreach (var fix in CodeFixes.For(context))
            {
                var changes = fix.Edits.ToDictionary(
                    e => e.Key == document.Path ? analysis.Uri : DocumentUris.FromPath(e.Key),
                    e => e.Value.Select(t => new Protocol.TextEdit(DiagnosticMapper.ToRange(t.Range), t.NewText)).ToArray());
                actions.Add(new CodeAction(fix.Title, CodeActionKind.QuickFix, [diagnostic], fix.IsPreferred ? true : null, new WorkspaceEdit(changes)));
            }
        }
        return actions.ToArray();
    }

    private static bool Overlaps(SourceRange a, SourceRange b) =>
        a.Start.CompareTo(b.End) <= 0 && b.Start.CompareTo(a.End) <= 0;
}
