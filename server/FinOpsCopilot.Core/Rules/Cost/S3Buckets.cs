using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>What a bucket's lifecycle and versioning say, from the bucket itself or (Terraform) the separate resources that configure it.</summary>
public sealed record S3BucketFacts(bool LifecycleKnown, bool HasLifecycle, bool AbortsMultipart, bool ExpiresNoncurrent, bool? Versioned)
{
    public static readonly string[] ResourceTypes = ["AWS::S3::Bucket", "aws_s3_bucket"];

    public static S3BucketFacts Read(ResourceView bucket)
    {
        if (bucket.Resource.Type == "AWS::S3::Bucket")
        {
            var lifecycle = bucket.Get("LifecycleConfiguration");
            var rules = bucket.Block("LifecycleConfiguration")?.Blocks("Rules").Where(r => r.Get("Status").Text != "Disabled").ToList() ?? [];
            var versioning = bucket.Block("VersioningConfiguration")?.Get("Status");
            return new S3BucketFacts(
                !lifecycle.IsUnknown,
                rules.Count > 0,
                rules.Any(r => !r.Get("AbortIncompleteMultipartUpload").IsAbsent),
                rules.Any(r => !r.Get("NoncurrentVersionExpiration").IsAbsent || !r.Get("NoncurrentVersionExpirationInDays").IsAbsent),
                versioning is null ? false : versioning.Value.Text is { } s ? s == "Enabled" : null);
        }

        // Terraform: inline blocks (AWS provider v3) and the v4+ resources that point at the bucket.
        var inline = bucket.Blocks("lifecycle_rule").Where(r => r.Get("enabled").Bool != false).ToList();
        var configured = bucket.Document is null ? [] : References.To(bucket.Document, bucket.Resource).ToList();
        var separate = configured.Where(r => r.Type == "aws_s3_bucket_lifecycle_configuration")
            .SelectMany(r => new PropertyBag(r.Properties).Blocks("rule")).Where(r => r.Get("status").Text != "Disabled").ToList();
        bool? versioned = bucket.Block("versioning")?.Get("enabled").Bool ?? false;
        foreach (var v in configured.Where(r => r.Type == "aws_s3_bucket_versioning"))
            versioned = new PropertyBag(v.Properties).Block("versioning_configuration")?.Get("status").Text is { } s ? s == "Enabled" : null;
        return new S3BucketFacts(
            true,
            inline.Count + separate.Count > 0,
            inline.Any(r => !r.Get("abort_incomplete_multipart_upload_days").IsAbsent) || separate.Any(r => r.Block("abort_incomplete_multipart_upload") is not null),
            inline.Any(r => r.Block("noncurrent_version_expiration") is not null) || separate.Any(r => r.Block("noncurrent_version_expiration") is not null),
            versioned);
    }
}
