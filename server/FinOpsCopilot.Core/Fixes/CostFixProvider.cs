using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// Turns a cost rule's fix description into edits: replace a value where the literal is written (gp2 → gp3, a
/// current-generation or Graviton type, Multi-AZ off), or add a missing property (a log group's retention, an
/// architecture). A value that comes from elsewhere (a parameter, a constant) is left for the user: the edit would
/// be at the wrong place.
/// </summary>
public static class CostFixProvider
{
    public static IReadOnlyList<CodeFix> FixesFor(FixContext context)
    {
        var finding = context.Finding;
        if (finding.Fix is not { } fix || context.Resource is not { } resource || context.ResourceDocument is not { } document) return [];
        switch (fix.Kind)
        {
            case "replace-value" when fix.Arguments.TryGetValue("from", out var from) && fix.Arguments.TryGetValue("to", out var to):
            {
                var findingDoc = context.FindingDocument;
                int start = findingDoc.Text.OffsetAt(finding.Range.Start), end = findingDoc.Text.OffsetAt(finding.Range.End);
                var written = findingDoc.Text.Content[start..end];
                int at = written.IndexOf(from, StringComparison.Ordinal);
                if (at < 0 || written.IndexOf(from, at + 1, StringComparison.Ordinal) >= 0) return [];
                var range = findingDoc.Text.RangeOf(start + at, start + at + from.Length);
                return [CodeFix.InFile(fix.Title, finding.FilePath, [new TextEdit(range, to)], preferred: true)];
            }
            case "add-property" when fix.Arguments.TryGetValue("property", out var name) && fix.Arguments.TryGetValue("value", out var value)
                                     && TagEditors.For(document.Format) is IPropertyEditor editor:
            {
                var edits = editor.InsertProperty(document, resource, name, PropertyValue.Parse(value));
                return edits.Count == 0 ? [] : [CodeFix.InFile(fix.Title, document.Path, edits, preferred: true)];
            }
            default:
                return [];
        }
    }
}
