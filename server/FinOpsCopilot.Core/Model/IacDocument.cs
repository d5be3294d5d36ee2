using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Model;

/// <summary>One analysed source file: its text, format, the resources it declares and what its reader reported.</summary>
public sealed class IacDocument
{
    public required SourceText Text { get; init; }
    public required IacFormat Format { get; init; }
    public IReadOnlyList<IacResource> Resources { get; init; } = [];
    public IReadOnlyList<SourceDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The cloud region the document deploys to, when the code says so.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The format's own syntax tree the document was read from (e.g. a CloudFormation <c>TemplateNode</c>), kept so
    /// fixes can edit the file in its own style without parsing it again.
    /// </summary>
    public object? Syntax { get; init; }

    public string Path => Text.Path;
}
