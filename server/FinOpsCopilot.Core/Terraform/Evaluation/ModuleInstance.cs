using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>A value and the file it was written in (null when it has no single place, e.g. a module default).</summary>
internal readonly record struct Located(IacValue Value, string? File);

/// <summary>
/// One instance of a module: the root, or a child called by a <c>module</c> block (one per count/for_each key).
/// It knows its input variables, evaluates locals lazily (with cycle detection) and resolves every reference
/// its expressions make. Values used in a file other than the one they were written in are relocated to the
/// reference, so every range a document reports lies in that document.
/// </summary>
internal sealed class ModuleInstance : IReferenceResolver
{
    private readonly Dictionary<string, Located> _inputs;
    private readonly Dictionary<string, Located> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Located> _locals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _localsInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExpressionEvaluator> _evaluators = new(StringComparer.Ordinal);

    public ModuleInstance(TerraformModule module, string addressPrefix, string rootDirectory, Dictionary<string, Located> inputs)
    {
        Module = module;
        AddressPrefix = addressPrefix;
        RootDirectory = rootDirectory;
        _inputs = inputs;
    }

    public TerraformModule Module { get; }

    /// <summary>"" for the root, else e.g. <c>module.db.</c> or <c>module.db["a"].module.x.</c>.</summary>
    public string AddressPrefix { get; }

    public string RootDirectory { get; }

    /// <summary>Provider configurations by key: <c>aws</c> or <c>aws.alias</c>.</summary>
    public Dictionary<string, ProviderConfig> Providers { get; } = new(StringComparer.Ordinal);

    public ExpressionEvaluator EvaluatorFor(HclFile file)
    {
        if (!_evaluators.TryGetValue(file.Path, out var ev)) _evaluators[file.Path] = ev = new ExpressionEvaluator(this, file.Text);
        return ev;
    }

    public IacValue Resolve(string root, string name, SourceRange range, string usedIn)
    {
        switch (root)
        {
            case "var":
                if (name.Length == 0) return Values.Error("'var' needs a variable name", range);
                return Place(Variable(name, range), range, usedIn);
            case "local":
                if (name.Length == 0) return Values.Error("'local' needs a name", range);
                return Place(Local(name, range), range, usedIn);
            case "count" or "each":
                return Values.Error($"'{root}' is only available in a block with {(root == "count" ? "count" : "for_each")}", range);
            case "path":
                return name switch
                {
                    "module" => new StringValue(RelativePath(Module.Directory), range),
                    "root" => new StringValue(".", range),
                    _ => new UnknownValue($"path.{name}, which depends on where Terraform runs", range),
                };
            case "terraform":
                return new UnknownValue($"terraform.{name}, chosen when Terraform runs", range);
            case "data":
                return new UnknownValue($"the data source data.{name}, read when Terraform plans", range);
            case "module":
                return new UnknownValue($"an output of module.{name}, which is not evaluated", range);
            case "self":
                return new UnknownValue("an attribute of the resource itself, known after apply", range);
            default:
                return name.Length == 0
                    ? Values.Error($"'{root}' is not defined here", range)
                    : new UnknownValue($"an attribute of {root}.{name}, known after apply", range);
        }
    }

    private static IacValue Place(Located located, SourceRange range, string usedIn) =>
        located.File == usedIn ? located.Value : Values.Relocate(located.Value, range);

    private string RelativePath(string directory)
    {
        var relative = Path.GetRelativePath(RootDirectory, directory).Replace('\\', '/');
        return relative;
    }

    private Located Variable(string name, SourceRange range)
    {
        if (_variables.TryGetValue(name, out var cached)) return cached;
        Located result;
        if (!Module.Variables.TryGetValue(name, out var declared))
            result = new Located(Values.Error($"there is no variable '{name}'", range), null);
        else
        {
            var block = declared.Node;
            var ev = EvaluatorFor(declared.File);
            var defaultAttr = block.Body.Attribute("default");
            if (_inputs.TryGetValue(name, out var input) && !(input.Value is NullValue && defaultAttr is not null && IsNotNullable(block, ev)))
                result = input;
            else if (defaultAttr is not null)
                result = new Located(ev.Evaluate(defaultAttr.Value, EvalScope.Empty), declared.File.Path);
            else
                result = new Located(new UnknownValue($"the variable '{name}', which has no value here and is given when Terraform runs", range), null);
            if (block.Body.Attribute("type") is { } type && result.Value.IsKnown)
                result = result with { Value = TypeDefaults.Apply(type.Value, result.Value, ev) };
        }
        _variables[name] = result;
        return result;
    }

    private static bool IsNotNullable(HclBlock block, ExpressionEvaluator ev) =>
        block.Body.Attribute("nullable") is { } n && ev.Evaluate(n.Value, EvalScope.Empty) is BoolValue { Value: false };

    private Located Local(string name, SourceRange range)
    {
        if (_locals.TryGetValue(name, out var cached)) return cached;
        if (!Module.Locals.TryGetValue(name, out var declared)) return new Located(Values.Error($"there is no local value '{name}'", range), null);
        if (!_localsInProgress.Add(name)) return new Located(Values.Error($"local.{name} refers to itself", range), null);
        var value = EvaluatorFor(declared.File).Evaluate(declared.Node.Value, EvalScope.Empty);
        _localsInProgress.Remove(name);
        var result = new Located(value, declared.File.Path);
        _locals[name] = result;
        return result;
    }
}
