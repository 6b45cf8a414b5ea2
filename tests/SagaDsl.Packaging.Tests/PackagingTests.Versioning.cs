using System;
using System.IO;
using SagaDsl.Packaging.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Packaging.Tests;

/// <summary>
/// Versioning as a user meets it through the package: a SagaShapes.Shipped.txt beside the project is
/// read with no project edit, a saga missing from it is named, a change of a recorded saga fails
/// `dotnet build`, and recording the new shape versions the workflow.
/// </summary>
public partial class PackagingTests
{
    private const string ShapeOfTheQuickStart = """
        shape 1 of CheckoutSaga
          step HoldStock, undone by ReleaseStock
          step ChargeCard, pivot
          step SendReceipt, non-critical

        """;

    [Fact]
    public void A_shipped_shapes_file_beside_the_project_versions_the_saga_and_an_unrecorded_change_fails_the_build()
    {
        var quickStart = ReadmeSection.Read(QuickStart);
        var recipe = new Recipe(feed.NewWorkspace("versioning"));
        recipe.Run("dotnet new classlib -o Shop").Succeeded();
        recipe.Run("cd Shop");
        recipe.Run("dotnet add package SagaDsl").Succeeded();
        recipe.Write("CheckoutSaga.cs", quickStart.File("CheckoutSaga.cs"));
        recipe.Write("SagaShapes.Shipped.txt", string.Empty);

        // A warning; the workspace's projects treat warnings as errors, as many teams' do.
        var unrecorded = recipe.Run("dotnet build");
        Assert.Contains("SAGA029: Saga 'CheckoutSaga' (workflow type 'CheckoutSaga') has no shape in SagaShapes.Shipped.txt", unrecorded.Output, StringComparison.Ordinal);

        recipe.Write("SagaShapes.Shipped.txt", ShapeOfTheQuickStart);
        var recorded = recipe.Run("dotnet build").Succeeded();
        Assert.DoesNotContain("SAGA0", recorded.Output, StringComparison.Ordinal);

        // The receipt becomes critical: after the pivot, a failure now waits for an operator.
        recipe.Write("CheckoutSaga.cs", quickStart.File("CheckoutSaga.cs").Replace("[SagaStep(3, Critical = false)]", "[SagaStep(3)]", StringComparison.Ordinal));
        var changed = recipe.Run("dotnet build");
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("error SAGA028: Saga 'CheckoutSaga' no longer has the shape SagaShapes.Shipped.txt records as shape 1 of 'CheckoutSaga': SendReceipt becomes critical", changed.Output, StringComparison.Ordinal);

        recipe.Write("SagaShapes.Shipped.txt", ShapeOfTheQuickStart + "\n" + ShapeOfTheQuickStart.Replace("shape 1", "shape 2", StringComparison.Ordinal).Replace(", non-critical", string.Empty, StringComparison.Ordinal));
        var versioned = recipe.Run("dotnet build").Succeeded();
        Assert.DoesNotContain("SAGA0", versioned.Output, StringComparison.Ordinal);
        var generated = Directory.GetFiles(Path.Combine(recipe.Directory, "obj"), "Shop.CheckoutSaga.g.cs", SearchOption.AllDirectories);
        Assert.Contains("Workflow.Patched(\"CheckoutSaga/shape-2\")", File.ReadAllText(Assert.Single(generated)), StringComparison.Ordinal);
    }
}
