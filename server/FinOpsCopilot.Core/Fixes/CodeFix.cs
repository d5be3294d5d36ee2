using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// A concrete fix: a title for the user and the edits to make, file by file (a tag fixed at a Terraform provider or a
/// CDK stack may live in another file). <see cref="IsPreferred"/> marks the one fix that is clearly right.
/// </summary>
public sealed record CodeFix(string Title, IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Edits, bool IsPreferred = false)
{
    public static CodeFix InFile(string title, string path, IReadOnlyList<TextEdit> edits, bool preferred = false) =>
        new(title, new Dictionary<string, IReadOnlyList<TextEdit>> { [path] = edits }, preferred);
}
