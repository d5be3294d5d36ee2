using System.Text;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// Tag edits for C# CDK apps: a missing tag becomes <c>Tags.Of(construct).Add("Key", "value");</c> on the line after
/// the construct's declaration (or at the top of the stack for the whole stack), with the file's indentation.
/// Values and keys are C# string literals.
/// </summary>
public sealed class CdkCSharpTagEditor : ITagEditor
{
    public static readonly CdkCSharpTagEditor Instance = new();

    public IEnumerable<string> ParameterNames(IacDocument document) => [];

    public IReadOnlyList<TextEdit> InsertTags(IacDocument document, IacResource resource, IReadOnlyList<TagValueSuggestion> tags) =>
        resource.TagContainer?.Construct is { } target && target.FilePath == document.Path ? [Statements(document, target, tags)] : [];

    /// <summary>The same statements at the top of the stack's constructor, tagging every construct of the stack.</summary>
    public CodeFix? InsertStackTags(IacResource resource, IReadOnlyList<TagValueSuggestion> tags, Func<string, IacDocument?> documentAt, IacDocument resourceDocument)
    {
        if (resource.TagContainer?.Stack is not { } target) return null;
        var document = target.FilePath == resourceDocument.Path ? resourceDocument : documentAt(target.FilePath);
        if (document is null) return null;
        return CodeFix.InFile($"Add {string.Join(", ", tags.Select(t => t.Key))} to the whole stack", target.FilePath, [Statements(document, target, tags)]);
    }

    public TextEdit? ReplaceValue(IacDocument document, SourceRange valueRange, string value) =>
        IsStringLiteral(document, valueRange) ? new TextEdit(valueRange, Literal(value)) : null;

    public TextEdit? RenameKey(IacDocument document, SourceRange keyRange, string key) =>
        IsStringLiteral(document, keyRange) ? new TextEdit(keyRange, Literal(key)) : null;

    public TextEdit? IgnoreRule(IacDocument document, IacResource resource, string ruleId)
    {
        if (resource.FilePath != document.Path) return null;
        int line = resource.Range.Start.Line;
        return TextEdit.Insert(new SourcePosition(line, 0), $"{document.Text.IndentationOf(line)}// finops:ignore {ruleId}{document.Text.NewLine}");
    }

    private static TextEdit Statements(IacDocument document, TagStatementTarget target, IReadOnlyList<TagValueSuggestion> tags)
    {
        var nl = document.Text.NewLine;
        var sb = new StringBuilder();
        foreach (var t in tags) sb.Append(target.StatementFor(t.Key, t.Literal)).Append(nl);
        return TextEdit.Insert(target.InsertAt, sb.ToString());
    }

    /// <summary>Only a plain string literal is replaced; a constant or an interpolation is the user's to change.</summary>
    private static bool IsStringLiteral(IacDocument document, SourceRange range)
    {
        var text = document.Text.Content[document.Text.OffsetAt(range.Start)..document.Text.OffsetAt(range.End)];
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"';
    }

    public static string Literal(string value) => QuotedString.Of(value);
}
