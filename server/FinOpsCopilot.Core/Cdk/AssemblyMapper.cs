using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// Merges a cloud assembly with the source so each real resource is reported once, where the user can fix it:
/// <list type="number">
/// <item>a template resource that is the resource a C# construct creates (same construct path, <c>/Resource</c> or
/// <c>/Default</c> dropped, same type) is reported by the C# reader only, completed with what the template knows;</item>
/// <item>another template resource below a C# construct (the role and security group of an <c>Instance</c>) is reported
/// at that construct, with the template's type, properties and tags;</item>
/// <item>without C# source, at the construct id's literal in the TypeScript/Python/Java/Go source when unambiguous;</item>
/// <item>else in the template itself.</item>
/// </list>
/// <c>AWS::CDK::Metadata</c> is not a real resource and is dropped; <c>resource-type-unknown</c> is not reported on
/// synthesized templates. A C# construct the assembly lacks (it is older
/// than the source) is still reported from source.
/// </summary>
internal sealed class AssemblyMapper(CSharpApp? app, SourceIdLocator? locator)
{
    private static readonly string[] DefaultChildIds = ["Resource", "Default"];

    private readonly Dictionary<string, List<(ConstructNode Node, IacResource Resource)>> _byAddress = Index(app);
    private readonly Dictionary<string, ConstructNode> _nodes = app?.Root.Descendants().Where(n => n.Creation is not null)
        .GroupBy(n => n.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
    private readonly Dictionary<string, List<IacResource>> _relocated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceText> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<IacResource, IacResource> _enriched = new(ReferenceEqualityComparer.Instance);

    /// <summary>C# resources completed with what their synthesized template knows (see <see cref="Enrich"/>).</summary>
    public IacResource Final(IacResource fromSource) => _enriched.GetValueOrDefault(fromSource, fromSource);

    public IReadOnlyDictionary<string, List<IacResource>> Relocated => _relocated;
    public IReadOnlyDictionary<string, SourceText> RelocatedTexts => _texts;

    /// <summary>The template's document with only the resources no source location was found for.</summary>
    public IacDocument? Map(AssemblyTemplate template)
    {
        var kept = new List<IacResource>();
        foreach (var resource in template.Document.Resources)
        {
            if (resource.Type == "AWS::CDK::Metadata") continue;
            if (!template.PathByLogicalId.TryGetValue(resource.Name, out var fullPath)) { kept.Add(resource); continue; }
            var path = ConstructPath(fullPath);
            if (Twin(path, resource.Type) is { } fromSource)
            {
                _enriched[fromSource] = Enrich(fromSource, resource);
                continue;
            }
            if (Owner(path) is { } node) { Relocate(resource, path, node); continue; }
            if (locator?.Locate(path) is { } at) { RelocateToLiteral(resource, path, at.Text, at.Range); continue; }
            kept.Add(Moved(resource, path, template.Document.Text, resource.Range, resource.NameRange, resource.Tags, resource.TagContainer, resource.IgnoredRules, keepValues: true));
        }
        // CDK writes only types CloudFormation knows: one the catalog lacks is the catalog's gap, not the user's.
        var diagnostics = template.Document.Diagnostics.Where(d => d.Code != RuleCodes.ResourceTypeUnknown).ToList();
        if (kept.Count == 0 && diagnostics.Count == 0) return null;
        return new IacDocument
        {
            Text = template.Document.Text,
            Format = IacFormat.CdkAssembly,
            Resources = kept,
            Diagnostics = diagnostics,
            Region = template.Document.Region,
        };
    }

    /// <summary>
    /// The C# resource a template resource is: same path and type, or the construct just above it when that one has
    /// the type and no twin yet (an AutoScalingGroup's resource is <c>ASG/ASG</c>, not <c>ASG/Resource</c>).
    /// </summary>
    private IacResource? Twin(string path, string type)
    {
        if (_byAddress.TryGetValue(path, out var same) && same.FirstOrDefault(s => s.Resource.Type == type) is { Resource: { } exact }) return exact;
        var parent = path.LastIndexOf('/') is var i and > 0 ? path[..i] : null;
        return parent is not null && _byAddress.TryGetValue(parent, out var above)
            && above.FirstOrDefault(s => s.Resource.Type == type && s.Resource.Address == parent) is { Resource: { } owner } && !_enriched.ContainsKey(owner)
            ? owner
            : null;
    }

    /// <summary><c>MyStack/Bucket/Resource</c> → <c>MyStack/Bucket</c>: the construct whose default child the resource is.</summary>
    public static string ConstructPath(string cdkPath)
    {
        foreach (var child in DefaultChildIds)
            if (cdkPath.EndsWith("/" + child, StringComparison.Ordinal)) return cdkPath[..^(child.Length + 1)];
        return cdkPath;
    }

    /// <summary>The deepest construct declared in C# at or above a path.</summary>
    private ConstructNode? Owner(string path)
    {
        for (var p = path; p.Length > 0; p = p.LastIndexOf('/') is var i and > 0 ? p[..i] : "")
            if (_nodes.TryGetValue(p, out var node)) return node;
        return null;
    }

    private void Relocate(IacResource resource, string path, ConstructNode node)
    {
        var source = node.Source!;
        var range = source.Range(node.Creation!);
        var nameRange = source.Range(node.IdExpression!);
        var fromSource = _byAddress.TryGetValue(node.Path, out var own) ? own[0].Resource : null;
        var (construct, stack) = CdkResourceFactory.FixTargets(node);
        // A tag the C# reader also found points at its Tags.Of call; any other at the construct.
        var tags = resource.Tags.Select(t => fromSource?.FindTag(t.Key) is { } s && s.Value == t.Value ? s
            : t with { KeyRange = nameRange, ValueRange = nameRange, Source = TagSource.Propagated, DeclaredIn = null }).ToList();
        var container = resource.TagShape == TagShape.None ? null
            : new TagContainer("Tags", resource.TagShape, null, null, SourceRange.Empty(construct?.InsertAt ?? range.End)) { Construct = construct, Stack = stack };
        Add(source.Text, Moved(resource, path, source.Text, range, nameRange, tags, container, fromSource?.IgnoredRules, region: StackRegion.Of(node.Stack)));
    }

    private void RelocateToLiteral(IacResource resource, string path, SourceText text, SourceRange literal)
    {
        var tags = resource.Tags.Select(t => t with { KeyRange = literal, ValueRange = literal, DeclaredIn = null }).ToList();
        var container = resource.TagShape == TagShape.None ? null
            : new TagContainer("Tags", resource.TagShape, null, null, SourceRange.Empty(literal.End));
        Add(text, Moved(resource, path, text, literal, literal, tags, container, null));
    }

    /// <summary>
    /// The C# resource completed by its synthesized twin: the source wins where it knows a value (it is live, the
    /// assembly may be stale); a property it cannot know or does not read, and a tag value it cannot know, come from
    /// the template and point at the construct (or at the unknown value they replace).
    /// </summary>
    private static IacResource Enrich(IacResource fromSource, IacResource synthesized)
    {
        var entries = fromSource.Properties.Entries.Select(e =>
            e.Value is UnknownValue && synthesized.Properties.Entry(e.Key) is { Value.IsKnown: true } t
                ? e with { Value = ValueRanges.Everywhere(t.Value, e.Value.Range) }
                : e).ToList();
        foreach (var t in synthesized.Properties.Entries)
            if (t.Key != "Tags" && fromSource.Properties.Entry(t.Key) is null)
                entries.Add(new MapEntry(t.Key, fromSource.NameRange, ValueRanges.Everywhere(t.Value, fromSource.Range)));
        var tags = fromSource.Tags.Select(tag =>
            tag.Value is null && synthesized.FindTag(tag.Key) is { Value: { } v } ? tag with { Value = v, UnknownReason = null } : tag).ToList();
        return new IacResource
        {
            Type = fromSource.Type,
            Name = fromSource.Name,
            LogicalId = synthesized.LogicalId ?? synthesized.Name,
            Address = fromSource.Address,
            FilePath = fromSource.FilePath,
            Range = fromSource.Range,
            NameRange = fromSource.NameRange,
            Properties = new MapValue(entries, fromSource.Properties.Range),
            Tags = tags,
            TagShape = fromSource.TagShape,
            TagContainer = fromSource.TagContainer,
            UnknownTagsReason = fromSource.UnknownTagsReason,
            IgnoredRules = fromSource.IgnoredRules,
            Region = fromSource.Region ?? synthesized.Region,
        };
    }

    /// <summary>A template resource addressed by its construct path, at a place in a source file; its values point there too.</summary>
    private static IacResource Moved(IacResource resource, string path, SourceText text, SourceRange range, SourceRange nameRange,
        IReadOnlyList<ResourceTag> tags, TagContainer? container, IReadOnlySet<string>? ignored, bool keepValues = false, string? region = null) => new()
    {
        Type = resource.Type,
        Name = path[(path.LastIndexOf('/') + 1)..],
        LogicalId = resource.LogicalId ?? resource.Name,
        Address = path,
        FilePath = text.Path,
        Range = range,
        NameRange = nameRange,
        Properties = keepValues ? resource.Properties : (MapValue)ValueRanges.Everywhere(resource.Properties, range),
        Tags = tags,
        TagShape = resource.TagShape,
        TagContainer = container,
        UnknownTagsReason = resource.UnknownTagsReason,
        IgnoredRules = ignored ?? InlineSuppressions.Scan(text).For(range),
        Region = region ?? resource.Region,
    };

    private void Add(SourceText text, IacResource resource)
    {
        if (!_relocated.TryGetValue(text.Path, out var list)) _relocated[text.Path] = list = [];
        _texts[text.Path] = text;
        list.Add(resource);
    }

    private static Dictionary<string, List<(ConstructNode, IacResource)>> Index(CSharpApp? app)
    {
        var result = new Dictionary<string, List<(ConstructNode, IacResource)>>(StringComparer.Ordinal);
        foreach (var (node, resource) in app?.Resources ?? [])
        {
            if (!result.TryGetValue(resource.Address, out var list)) result[resource.Address] = list = [];
            list.Add((node, resource));
        }
        return result;
    }
}
