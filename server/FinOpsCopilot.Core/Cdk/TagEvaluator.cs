using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// The effective tags of one CloudFormation resource created by a construct, as CDK's <c>TagManager</c> computes
/// them: aspects run from the root of the tree down, on each scope in the order the app added them; an Add or Remove
/// only takes effect when its priority is at least the priority that last set or removed the key; include and exclude
/// lists filter by CloudFormation type; keys starting with <c>aws:</c> are ignored. Initial tags of an L1's props have priority 50.
/// </summary>
internal static class TagEvaluator
{
    private sealed record Applied(ResourceTag Tag, int Priority);

    public static (List<ResourceTag> Tags, string? UnknownReason) Evaluate(ConstructNode node, string cfnType, IacValue? initialTags)
    {
        var tags = new Dictionary<string, ResourceTag?>(StringComparer.Ordinal);
        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        string? unknown = null;
        var resourceFile = node.Source?.Path;

        if (initialTags is not null) unknown = Initial(initialTags, tags, priorities);

        var scopes = node.Ancestors().Reverse().Append(node);
        foreach (var scope in scopes)
            foreach (var op in scope.TagOperations.OrderBy(o => o.Sequence))
            {
                if (op.UnknownProps is not null) { unknown ??= $"Tags.Of({Describe(scope)}) {op.UnknownProps}"; continue; }
                if (!op.AppliesTo(cfnType)) continue;
                if (op.Key.AsString() is not { } key)
                {
                    unknown ??= $"a tag key set on {Describe(scope)} is {Reason(op.Key)}";
                    continue;
                }
                if (key.StartsWith("aws:", StringComparison.Ordinal)) continue;
                if (priorities.TryGetValue(key, out var existing) && existing > op.Priority) continue;
                priorities[key] = op.Priority;
                if (op.IsRemove) { tags[key] = null; continue; }
                var source = scope == node ? TagSource.Inline : TagSource.Propagated;
                var declaredIn = source == TagSource.Inline && op.FilePath == resourceFile ? null : op.FilePath;
                tags[key] = Tag(key, op.Key.Range, op.Value, source, declaredIn);
            }
        return (tags.Values.OfType<ResourceTag>().ToList(), unknown);
    }

    /// <summary>L1 <c>Tags = new[] { new CfnTag { Key = …, Value = … } }</c> (or a map for map-shaped types).</summary>
    private static string? Initial(IacValue value, Dictionary<string, ResourceTag?> tags, Dictionary<string, int> priorities)
    {
        switch (value)
        {
            case UnknownValue u:
                return $"tags are {u.Reason}";
            case MapValue map when map.Entry("Key") is null:
                foreach (var e in map.Entries) Set(e.Key, e.KeyRange, e.Value);
                return null;
            case ListValue list:
                string? unknown = null;
                foreach (var item in list.Items)
                {
                    if (item is not MapValue kv || kv.Entry("Key") is not { } k) { unknown ??= "a tag is computed when the app runs"; continue; }
                    if (k.Value.AsString() is not { } key) { unknown ??= "a tag key is computed when the app runs"; continue; }
                    Set(key, k.Value.Range, kv["Value"]);
                }
                return unknown;
        }
        return null;

        void Set(string key, SourceRange keyRange, IacValue? v)
        {
            tags[key] = Tag(key, keyRange, v, TagSource.Inline, null);
            priorities[key] = TagOperation.InitialTagPriority;
        }
    }

    private static ResourceTag Tag(string key, SourceRange keyRange, IacValue? value, TagSource source, string? declaredIn) => value switch
    {
        null => new ResourceTag(key, "", source, keyRange, keyRange, DeclaredIn: declaredIn),
        UnknownValue u => new ResourceTag(key, null, source, keyRange, u.Range, u.Reason, declaredIn),
        _ when value.AsString() is { } s => new ResourceTag(key, s, source, keyRange, value.Range, DeclaredIn: declaredIn),
        _ => new ResourceTag(key, null, source, keyRange, value.Range, "not a scalar", declaredIn),
    };

    private static string Reason(IacValue v) => v is UnknownValue u ? u.Reason : "not a string";

    private static string Describe(ConstructNode scope) => scope.IsApp ? "the app" : $"'{scope.Path}'";
}
