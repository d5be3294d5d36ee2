using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>A value and the file it was written in (null when it has no single place, e.g. a module default).</summary>
internal readonly record struct Located(IacValue Value, string? File);

/// <summary>One instance of a module call: its address key (<c>""</c>, <c>[0]</c>, <c>["a"]</c>), the key's value, and the instance.</summary>
internal readonly record struct ChildInstance(string Key, IacValue? KeyValue, ModuleInstance Instance);

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

    private IacValue? _outputs;
    private bool _outputsInProgress;

    public ModuleInstance(TerraformModule module, string addressPrefix, string rootDirectory, Dictionary<string, Located> inputs, ModuleInstance? parent = null)
    {
        Module = module;
        AddressPrefix = addressPrefix;
        RootDirectory = rootDirectory;
        _inputs = inputs;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public TerraformModule Module { get; }

    /// <summary>The instance whose module block called this one; null for the root.</summary>
    public ModuleInstance? Parent { get; }

    public int Depth { get; }

    /// <summary>The instances of a module call by name, or null when the call is missing or not analysed; set by the evaluator.</summary>
    public Func<string, IReadOnlyList<ChildInstance>?>? Children { get; set; }

    /// <summary>Whether this instance or one that called it reads <paramref name="directory"/>: calling it again would never end.</summary>
    public bool IsWithin(string directory)
    {
        for (var i = this; i is not null; i = i.Parent)
            if (i.Module.Directory == directory) return true;
        return false;
    }

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
                if (name.Length == 0) return Values.Error("'module' needs a module name", range);
                if (Children?.Invoke(name) is not { } children)
                    return new UnknownValue($"an output of module.{name}, which is not analysed", range);
                return Values.Relocate(ModuleValue(name, children, range), range);
            case "self":
                return new UnknownValue("an attribute of the resource itself, known after apply", range);
            default:
                return name.Length == 0
                    ? Values.Error($"'{root}' is not defined here", range)
                    : new UnknownValue($"an attribute of {root}.{name}, known after apply", range);
        }
    }

    /// <summary><c>module.name</c>: the outputs object, a list of them (count) or a map of them (for_each).</summary>
    private static IacValue ModuleValue(string name, IReadOnlyList<ChildInstance> children, SourceRange range)
    {
        if (children is [{ Key: "" } single]) return single.Instance.Outputs(range);
        var items = new List<IacValue>(children.Count);
        var entries = new List<MapEntry>(children.Count);
        foreach (var child in children)
        {
            if (child.Key == InstanceExpansion.UnknownKey)
                return new UnknownValue($"an output of module.{name}, whose count or for_each is unknown", range);
            items.Add(child.Instance.Outputs(range));
            if (child.KeyValue?.AsString() is { } key && child.Key.StartsWith("[\"", StringComparison.Ordinal))
                entries.Add(new MapEntry(key, range, items[^1]));
        }
        return entries.Count == children.Count && children.Count > 0 ? new MapValue(entries, range) : new ListValue(items, range);
    }

    /// <summary>This instance's outputs as an object, each evaluated once.</summary>
    public IacValue Outputs(SourceRange range)
    {
        if (_outputs is not null) return _outputs;
        if (_outputsInProgress) return Values.Error("module outputs refer to themselves", range);
        _outputsInProgress = true;
        var entries = new List<MapEntry>(Module.Outputs.Count);
        foreach (var (name, (block, file)) in Module.Outputs)
        {
            var ev = EvaluatorFor(file);
            var value = block.Body.Attribute("value") is { } v ? ev.Evaluate(v.Value, EvalScope.Empty) : new NullValue(ev.RangeOf(block));
            entries.Add(new MapEntry(name, ev.RangeOf(block.Labels[0].Span), value));
        }
        _outputsInProgress = false;
        return _outputs = new MapValue(entries, range);
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
