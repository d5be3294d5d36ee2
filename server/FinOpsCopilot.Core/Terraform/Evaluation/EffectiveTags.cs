using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// A resource's effective tags as Terraform computes <c>tags_all</c>: the provider's <c>default_tags</c> with the
/// resource's own <c>tags</c> over them, null values dropped. An Auto Scaling group's tags are its <c>tag</c>
/// blocks (static or dynamic); the AWS provider does not apply default_tags to it.
/// </summary>
internal static class EffectiveTags
{
    /// <summary>
    /// Fills <paramref name="tags"/> from the evaluated tag argument (<c>tags</c>, or the list of <c>tag</c> blocks);
    /// returns why further tags may exist that the analysis cannot see, or null.
    /// </summary>
    public static string? Collect(TagShape shape, IacValue? own, ProviderConfig? provider, List<ResourceTag> tags) =>
        shape == TagShape.AutoScalingList ? FromTagBlocks(own, tags) : FromMaps(own, provider, tags);

    private static string? FromMaps(IacValue? own, ProviderConfig? provider, List<ResourceTag> tags)
    {
        string? unknown = null;
        switch (provider?.DefaultTags)
        {
            case UnknownValue u:
                unknown = $"the provider's default_tags are {u.Reason}";
                break;
            case MapValue defaults:
                foreach (var e in defaults.Entries)
                    if (e.Value is not NullValue) tags.Add(Tag(e.Key, e.KeyRange, e.Value, TagSource.ProviderDefault, provider.FilePath));
                break;
        }
        switch (own)
        {
            case UnknownValue u:
                unknown ??= $"tags are {u.Reason}";
                break;
            case MapValue map:
                foreach (var e in map.Entries)
                {
                    if (e.Value is NullValue) continue;
                    tags.RemoveAll(t => t.Key == e.Key);
                    tags.Add(Tag(e.Key, e.KeyRange, e.Value, TagSource.Inline, null));
                }
                break;
        }
        return unknown;
    }

    private static string? FromTagBlocks(IacValue? blocks, List<ResourceTag> tags)
    {
        if (blocks is not ListValue list) return blocks is UnknownValue u ? $"tags are {u.Reason}" : null;
        string? unknown = null;
        foreach (var item in list.Items)
        {
            if (item is UnknownValue ui) { unknown ??= ui.Reason; continue; }
            if (item is not MapValue block || block.Entry("key") is not { } keyEntry) continue;
            if (keyEntry.Value.AsString() is not { } key)
            {
                unknown ??= keyEntry.Value is UnknownValue uk ? $"a tag key is {uk.Reason}" : "a tag key is not a string";
                continue;
            }
            tags.RemoveAll(t => t.Key == key);
            tags.Add(Tag(key, keyEntry.Value.Range, block["value"], TagSource.Inline, null));
        }
        return unknown;
    }

    private static ResourceTag Tag(string key, Text.SourceRange keyRange, IacValue? value, TagSource source, string? declaredIn)
    {
        var valueRange = value?.Range ?? keyRange;
        return value switch
        {
            UnknownValue u => new ResourceTag(key, null, source, keyRange, valueRange, u.Reason, declaredIn),
            null or NullValue => new ResourceTag(key, "", source, keyRange, valueRange, null, declaredIn),
            _ when value.AsString() is { } s => new ResourceTag(key, s, source, keyRange, valueRange, null, declaredIn),
            _ => new ResourceTag(key, null, source, keyRange, valueRange, "not a string", declaredIn),
        };
    }
}
