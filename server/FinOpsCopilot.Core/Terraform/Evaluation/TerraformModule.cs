using FinOpsCopilot.Core.Terraform.Syntax;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>A declaration and the file it is written in.</summary>
internal readonly record struct Declared<T>(T Node, HclFile File);

/// <summary>
/// One Terraform module: the <c>.tf</c> and <c>.tf.json</c> files of a directory, parsed, with their
/// declarations indexed by kind. Terraform treats the files of a directory as one configuration.
/// </summary>
internal sealed class TerraformModule
{
    public required string Directory { get; init; }
    public required IReadOnlyList<HclFile> Files { get; init; }
    public Dictionary<string, Declared<HclBlock>> Variables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Declared<HclAttribute>> Locals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Declared<HclBlock>> Outputs { get; } = new(StringComparer.Ordinal);
    public List<Declared<HclBlock>> Resources { get; } = [];
    public List<Declared<HclBlock>> ModuleCalls { get; } = [];
    public List<Declared<HclBlock>> Providers { get; } = [];

    public static TerraformModule From(string directory, IReadOnlyList<HclFile> files)
    {
        var module = new TerraformModule { Directory = directory, Files = files };
        foreach (var file in files)
        {
            foreach (var block in file.Body.Blocks)
            {
                var declared = new Declared<HclBlock>(block, file);
                switch (block.Type)
                {
                    case "variable" when block.Labels.Count == 1:
                        module.Variables.TryAdd(block.Labels[0].Value, declared);
                        break;
                    case "output" when block.Labels.Count == 1:
                        module.Outputs.TryAdd(block.Labels[0].Value, declared);
                        break;
                    case "locals":
                        foreach (var a in block.Body.Attributes) module.Locals.TryAdd(a.Name, new Declared<HclAttribute>(a, file));
                        break;
                    case "resource" when block.Labels.Count == 2:
                        module.Resources.Add(declared);
                        break;
                    case "module" when block.Labels.Count == 1:
                        module.ModuleCalls.Add(declared);
                        break;
                    case "provider" when block.Labels.Count == 1:
                        module.Providers.Add(declared);
                        break;
                }
            }
        }
        return module;
    }

    /// <summary>The directory a module call reads, when its source is a local path (<c>./x</c>, <c>../x</c>); otherwise null.</summary>
    public static string? LocalSource(string callerDirectory, string source)
    {
        if (!source.StartsWith("./", StringComparison.Ordinal) && !source.StartsWith("../", StringComparison.Ordinal)
            && source != "." && source != "..")
            return null;
        // "../../" must name the same directory as "../..": directories are compared as strings.
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(callerDirectory, source)));
    }

    /// <summary>The literal <c>source</c> of a module call, or null when it is missing or not a literal.</summary>
    public static string? SourceOf(HclBlock call) => call.Body.Attribute("source")?.Value is LiteralExpression { Kind: LiteralKind.String } lit ? lit.Text : null;
}
