using Amazon.CDK;

namespace ShopApp;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var app = new App();

        // Every resource of the app is charged to the shop's cost center.
        Tags.Of(app).Add("CostCenter", "CC-1042");

        var shop = new ShopStack(app, "ShopStack", new StackProps
        {
            Env = new Amazon.CDK.Environment { Region = "eu-west-1" },
            Description = "Web shop: web server, orders database, assets bucket, thumbnail function",
        });
        Tags.Of(shop).Add("Environment", "prod");

        app.Synth();
    }
}
