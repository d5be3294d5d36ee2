using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Model;

/// <summary>
/// Where a tag is added by a statement rather than written in a property (CDK): a fix inserts
/// <c>{Indentation}Tags.Of({ScopeExpression}).Add("Key", "value");</c> plus a line break at <see cref="InsertAt"/>
/// in <see cref="FilePath"/> (the start of the line after the construct's declaration, or the first line of the stack's
/// constructor body, which may be in another file than the resource).
/// </summary>
public sealed record TagStatementTarget(string FilePath, string ScopeExpression, SourcePosition InsertAt, string Indentation)
{
    public string StatementFor(string key, string value) =>
        $"{Indentation}Tags.Of({ScopeExpression}).Add(\"{Escape(key)}\", \"{Escape(value)}\");";

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
