using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>Resolves the references an expression makes outside its own scope (<c>var.x</c>, <c>local.y</c>, <c>path.module</c>…).</summary>
internal interface IReferenceResolver
{
    /// <summary>The value of <c>root.name</c> used at <paramref name="range"/> in the file <paramref name="usedIn"/>.</summary>
    IacValue Resolve(string root, string name, SourceRange range, string usedIn);
}
