using System.Text.Json;

namespace FinOpsCopilot.Core.Policy;

/// <summary>
/// Reads an AWS Organizations tag policy (<c>{"tags": {name: {"tag_key": {"@@assign": …}, "tag_value": …}}}</c>)
/// as required tags: each policy tag's key (with its exact capitalisation) and its allowed values.
/// </summary>
public static class OrganizationTagPolicy
{
    public static IReadOnlyList<RequiredTag> Load(string path) => Parse(path, File.ReadAllText(path));

    public static IReadOnlyList<RequiredTag> Parse(string path, string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PolicyException(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "invalid JSON in organization tag policy");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Object)
                throw new PolicyException(path, 1, 1, "an organization tag policy needs a \"tags\" object");
            var result = new List<RequiredTag>();
            foreach (var tag in tags.EnumerateObject())
            {
                var key = Assigned(tag.Value, "tag_key").FirstOrDefault() ?? tag.Name;
                var values = Assigned(tag.Value, "tag_value").ToList();
                result.Add(new RequiredTag(key, values.Count > 0 ? values : null));
            }
            return result;
        }
    }

    /// <summary>The values of <c>{"@@assign": x}</c> (a string or a list) under <paramref name="name"/>.</summary>
    private static IEnumerable<string> Assigned(JsonElement tag, string name)
    {
        if (tag.ValueKind != JsonValueKind.Object || !tag.TryGetProperty(name, out var field)) yield break;
        var assign = field.ValueKind == JsonValueKind.Object && field.TryGetProperty("@@assign", out var a) ? a : field;
        if (assign.ValueKind == JsonValueKind.String) yield return assign.GetString()!;
        else if (assign.ValueKind == JsonValueKind.Array)
            foreach (var v in assign.EnumerateArray())
                if (v.ValueKind == JsonValueKind.String) yield return v.GetString()!;
    }
}
