using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// An evaluated <c>provider "aws"</c> block: its <c>default_tags</c> (a map, an unknown value, or null when it
/// has none), its region when known, and where it is written so that findings about default tags point there.
/// </summary>
internal sealed record ProviderConfig(string Key, IacValue? DefaultTags, string? Region, string FilePath, SourceRange Range);
