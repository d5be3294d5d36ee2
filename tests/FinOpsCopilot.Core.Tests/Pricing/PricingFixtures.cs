using System.Globalization;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Pricing;

/// <summary>Builds documents for estimator tests: CloudFormation from YAML text, Terraform-shaped resources from plain objects.</summary>
public static class PricingFixtures
{
    private static readonly SourceRange Nowhere = default;

    public static IacDocument Template(string resourcesYaml, string? region = null)
    {
        var yaml = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + resourcesYaml;
        var document = SourceFileReader.Read("template.yaml", yaml) ?? throw new InvalidOperationException("not a template");
        return region is null ? document : new IacDocument
        {
            Text = document.Text, Format = document.Format, Resources = document.Resources, Diagnostics = document.Diagnostics, Region = region,
        };
    }

    /// <summary>A Terraform-shaped resource; values may be strings, numbers, bools, arrays, anonymous objects or <see cref="UnknownValue"/>.</summary>
    public static IacResource Tf(string type, string name, object properties) => new()
    {
        Type = type, Name = name, Address = $"{type}.{name}", FilePath = "main.tf",
        Range = Nowhere, NameRange = Nowhere, Properties = (MapValue)Value(properties),
    };

    public static IacDocument TfDocument(string? region, params IacResource[] resources) => new()
    {
        Text = new SourceText("main.tf", ""), Format = IacFormat.CloudFormationYaml, Resources = resources, Region = region,
    };

    public static UnknownValue Unknown(string reason) => new(reason, Nowhere);

    public static IacValue Value(object? value) => value switch
    {
        null => new NullValue(Nowhere),
        IacValue v => v,
        string s => new StringValue(s, Nowhere),
        bool b => new BoolValue(b, Nowhere),
        int or long or double or decimal => new NumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture), Convert.ToString(value, CultureInfo.InvariantCulture)!, Nowhere),
        System.Collections.IEnumerable list => new ListValue(list.Cast<object?>().Select(Value).ToList(), Nowhere),
        _ => new MapValue(value.GetType().GetProperties().Select(p => new MapEntry(p.Name, Nowhere, Value(p.GetValue(value)))).ToList(), Nowhere),
    };

    public static CostEstimate Estimate(IacDocument document, string address, UsagePolicy? usage = null, string? region = null)
    {
        var resource = document.Resources.Single(r => r.Address == address);
        var prices = PriceCatalog.Default.ForRegion(region ?? document.Region ?? "us-east-1")!;
        return CostEstimator.Default.Estimate(resource, document, prices, usage ?? UsagePolicy.Empty)
            ?? throw new InvalidOperationException($"{resource.Type} has no estimator");
    }

    public static CostComponent Component(CostEstimate estimate, string namePrefix) =>
        estimate.Components.Single(c => c.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    public static UsagePolicy Usage(string resourceType, params (string Key, decimal Value)[] values) => new()
    {
        Defaults = new Dictionary<string, IReadOnlyDictionary<string, decimal>> { [resourceType] = values.ToDictionary(v => v.Key, v => v.Value) },
    };
}
