using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.ResourceTypes;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// Evaluates a root module and the local child modules it calls into <see cref="IacResource"/>s: every
/// <c>aws_*</c> resource instance with its Terraform address, evaluated arguments and effective tags.
/// Remote modules (registry, git, http) are reported as not analysed.
/// </summary>
internal sealed class ModuleEvaluator(ModuleLoader loader, EvaluationOutput output)
{
    /// <summary>Module calls nested deeper than this are not followed (real configurations stay far below).</summary>
    public const int MaxModuleDepth = 16;

    private static readonly HashSet<string> ModuleMetaArguments =
        new(StringComparer.Ordinal) { "source", "version", "count", "for_each", "providers", "depends_on" };

    private readonly ResourceTypeCatalog _catalog = ResourceTypeCatalog.Terraform;
    private readonly Dictionary<string, InlineSuppressions> _suppressions = new(StringComparer.Ordinal);
    private readonly Dictionary<ModuleInstance, Dictionary<string, IReadOnlyList<ChildInstance>?>> _children = [];
    private string? _rootRegion;

    public void EvaluateRoot(TerraformModule module, Dictionary<string, Located> variables)
    {
        var instance = new ModuleInstance(module, "", module.Directory, variables);
        instance.Children = name => ChildrenOf(instance, name);
        AddProviders(instance);
        _rootRegion = instance.Providers.GetValueOrDefault("aws")?.Region;
        Evaluate(instance);
    }

    private void Evaluate(ModuleInstance instance)
    {
        var module = instance.Module;
        output.VisitedDirectories.Add(module.Directory);
        foreach (var file in module.Files) output.Regions.TryAdd(file.Path, _rootRegion);
        foreach (var declared in module.Resources)
            if (declared.Node.Labels[0].Value.StartsWith("aws_", StringComparison.Ordinal))
                EvaluateResource(instance, declared);
        foreach (var call in module.ModuleCalls) EvaluateCall(instance, call);
    }

    /// <summary>The module's own <c>provider "aws"</c> blocks, over those it inherited.</summary>
    private static void AddProviders(ModuleInstance instance)
    {
        foreach (var (block, file) in instance.Module.Providers)
        {
            var name = block.Labels[0].Value;
            var ev = instance.EvaluatorFor(file);
            var alias = block.Body.Attribute("alias") is { } a ? ev.Evaluate(a.Value, EvalScope.Empty).AsString() : null;
            IacValue? defaultTags = null;
            if (block.Body.Block("default_tags") is { } dt && dt.Body.Attribute("tags") is { } tagsAttr)
                defaultTags = ev.Evaluate(tagsAttr.Value, EvalScope.Empty);
            else if (block.Body.Attribute("default_tags") is { } jsonStyle) // .tf.json writes the block as an object
                defaultTags = ev.Evaluate(jsonStyle.Value, EvalScope.Empty) is MapValue m ? m["tags"] : null;
            var region = block.Body.Attribute("region") is { } r ? ev.Evaluate(r.Value, EvalScope.Empty).AsString() : null;
            var key = alias is null ? name : $"{name}.{alias}";
            instance.Providers[key] = new ProviderConfig(key, defaultTags, region, file.Path, ev.RangeOf(block));
        }
    }

    private void EvaluateResource(ModuleInstance instance, Declared<HclBlock> declared)
    {
        var (block, file) = declared;
        var ev = instance.EvaluatorFor(file);
        var type = block.Labels[0].Value;
        var name = block.Labels[1].Value;
        var info = _catalog.Find(type);
        if (info is null)
            output.Add(file.Path, new SourceDiagnostic(RuleCodes.ResourceTypeUnknown, $"Unknown resource type '{type}'", ev.RangeOf(block.Labels[0].Span)));
        var shape = info?.TagShape ?? TagShape.None;
        var provider = ProviderFor(instance, block);
        var range = ev.RangeOf(block);
        var suppressions = Suppressions(file);
        var ignored = suppressions.For(range);
        // An Auto Scaling group's tags are its "tag" blocks; every other type has a map argument.
        var tagProperty = shape == TagShape.AutoScalingList ? "tag" : info?.TagProperty ?? "tags";
        var tagsAttribute = block.Body.Attribute(tagProperty);
        var container = shape == TagShape.None ? null : new TagContainer(tagProperty, shape,
            tagsAttribute is null ? null : ev.RangeOf(tagsAttribute.NameSpan),
            tagsAttribute is null ? null : ev.RangeOf(tagsAttribute.Value),
            ev.RangeOf(block.Body));

        foreach (var (key, scope) in InstanceExpansion.Expand(block.Body, ev, EvalScope.Empty))
        {
            var properties = BodyProperties.Evaluate(block.Body, ev, scope, resourceBody: true);
            var tags = new List<ResourceTag>();
            string? unknownTags = shape == TagShape.None ? null : EffectiveTags.Collect(shape, properties[tagProperty], provider, tags);
            output.Add(new IacResource
            {
                Type = type,
                Name = name,
                Address = $"{instance.AddressPrefix}{type}.{name}{key}",
                FilePath = file.Path,
                Range = range,
                NameRange = ev.RangeOf(block.Labels[1].Span),
                Properties = properties,
                Region = provider?.Region,
                Tags = tags,
                TagShape = shape,
                TagContainer = container,
                UnknownTagsReason = unknownTags,
                IgnoredRules = ignored,
            });
        }
    }

    /// <summary>The configuration of the resource's provider: <c>provider = aws.alias</c>, else the default <c>aws</c>.</summary>
    private static ProviderConfig? ProviderFor(ModuleInstance instance, HclBlock block)
    {
        var key = block.Body.Attribute("provider") is { } p ? ProviderKey(p.Value) : "aws";
        return key is null ? null : instance.Providers.GetValueOrDefault(key);
    }

    /// <summary><c>aws</c> or <c>aws.alias</c> from a provider reference.</summary>
    private static string? ProviderKey(HclExpression e) => e switch
    {
        VariableExpression v => v.Name,
        GetAttributeExpression { Source: VariableExpression v } g => $"{v.Name}.{g.Name}",
        LiteralExpression { Kind: LiteralKind.String } legacy => legacy.Text, // provider = "aws.west" (Terraform 0.11)
        _ => null,
    };

    private InlineSuppressions Suppressions(HclFile file)
    {
        if (!_suppressions.TryGetValue(file.Path, out var s)) _suppressions[file.Path] = s = InlineSuppressions.Scan(file.Text);
        return s;
    }

    private void EvaluateCall(ModuleInstance parent, Declared<HclBlock> declared)
    {
        foreach (var child in ChildrenOf(parent, declared.Node.Labels[0].Value) ?? []) Evaluate(child.Instance);
    }

    /// <summary>The instances of the call named <paramref name="name"/>, made once per parent instance (resource evaluation and <c>module.x</c> references share them).</summary>
    private IReadOnlyList<ChildInstance>? ChildrenOf(ModuleInstance parent, string name)
    {
        if (!_children.TryGetValue(parent, out var calls)) _children[parent] = calls = new Dictionary<string, IReadOnlyList<ChildInstance>?>(StringComparer.Ordinal);
        if (calls.TryGetValue(name, out var cached)) return cached;
        calls[name] = null; // while the instances are made, a reference back to them is unknown
        Declared<HclBlock>? declared = null;
        foreach (var call in parent.Module.ModuleCalls)
            if (call.Node.Labels[0].Value == name) { declared = call; break; }
        var result = declared is { } d ? MakeChildren(parent, d) : null;
        calls[name] = result;
        return result;
    }

    private List<ChildInstance>? MakeChildren(ModuleInstance parent, Declared<HclBlock> declared)
    {
        var (block, file) = declared;
        var ev = parent.EvaluatorFor(file);
        var name = block.Labels[0].Value;
        var sourceAttr = block.Body.Attribute("source");
        var source = TerraformModule.SourceOf(block);
        string? problem = null;
        TerraformModule? child = null;
        var directory = source is null ? null : TerraformModule.LocalSource(parent.Module.Directory, source);
        if (source is null) problem = $"Module '{name}' has no literal source; its resources are not analysed";
        else if (directory is null) problem = $"Module '{name}' comes from '{source}', which is not read; only local modules (./ or ../) are analysed";
        else if (parent.IsWithin(directory) || parent.Depth + 1 >= MaxModuleDepth) problem = $"Module '{name}' calls itself or nests too deeply; it is not analysed again";
        else if ((child = loader.Module(directory)) is null) problem = $"Module '{name}': no Terraform files found in '{source}'";
        if (problem is not null || child is null)
        {
            output.Add(file.Path, new SourceDiagnostic(RuleCodes.NotAnalysed, problem!, ev.RangeOf(sourceAttr ?? (HclNode)block)));
            return null;
        }
        var result = new List<ChildInstance>();
        foreach (var (key, scope) in InstanceExpansion.Expand(block.Body, ev, EvalScope.Empty))
        {
            var inputs = new Dictionary<string, Located>(StringComparer.Ordinal);
            foreach (var a in block.Body.Attributes)
                if (!ModuleMetaArguments.Contains(a.Name)) inputs[a.Name] = new Located(ev.Evaluate(a.Value, scope), file.Path);
            var instance = new ModuleInstance(child, $"{parent.AddressPrefix}module.{name}{key}.", parent.RootDirectory, inputs, parent);
            instance.Children = n => ChildrenOf(instance, n);
            PassProviders(parent, block, instance);
            AddProviders(instance);
            result.Add(new ChildInstance(key, (scope.Find("each") as MapValue)?["key"], instance));
        }
        return result;
    }

    /// <summary>
    /// A child gets its parent's default provider configurations implicitly, and any configuration the
    /// <c>providers = { aws = aws.west }</c> map passes explicitly.
    /// </summary>
    private static void PassProviders(ModuleInstance parent, HclBlock call, ModuleInstance child)
    {
        foreach (var (key, config) in parent.Providers)
            if (!key.Contains('.')) child.Providers[key] = config;
        if (call.Body.Attribute("providers")?.Value is not ObjectExpression map) return;
        foreach (var item in map.Items)
        {
            var childKey = ProviderKey(item.Key);
            var parentKey = ProviderKey(item.Value);
            if (childKey is not null && parentKey is not null && parent.Providers.TryGetValue(parentKey, out var config))
                child.Providers[childKey] = config;
        }
    }
}
