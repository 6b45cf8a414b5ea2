using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using SagaDsl.Packaging.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Packaging.Tests;

/// <summary>
/// "Run snapshot tests of the generated code", as a user does: the quick start's project, a fresh
/// xunit project beside it with SagaDsl.Testing, the README's snapshot test, approved, broken by an
/// edit of the saga, approved again.
/// </summary>
public partial class PackagingTests
{
    private const string SnapshotSection = "### Snapshot your generated code";
    private const string SnapshotName = "GeneratedCodeTests.CheckoutSaga_generated_code_is_approved#Shop.CheckoutSaga.g";

    [Fact]
    public void A_fresh_test_project_approves_its_sagas_generated_code_and_fails_with_the_diff_after_an_edit()
    {
        var recipe = new Recipe(feed.NewWorkspace("snapshots")).Follow(ReadmeSection.Read(QuickStart).Steps);
        recipe.Follow(ReadmeSection.Read(SnapshotSection).Steps.Where(step => step is not ReadmeStep.Command { Line: "dotnet test" }));
        var verified = Path.Combine(recipe.Directory, SnapshotName + ".verified.cs");
        var received = Path.Combine(recipe.Directory, SnapshotName + ".received.cs");

        var first = recipe.Run("dotnet test");
        Assert.True(first.ExitCode != 0 && File.Exists(received), recipe.Log);
        Assert.Contains("does not exist yet", first.Output, StringComparison.Ordinal);
        Assert.Contains("public sealed class CheckoutSagaWorkflow", File.ReadAllText(received), StringComparison.Ordinal);

        recipe.Run("SAGADSL_ACCEPT_SNAPSHOTS=1 dotnet test").Succeeded();
        Assert.True(File.Exists(verified) && !File.Exists(received), recipe.Log);
        recipe.Run("dotnet test").Succeeded();

        EditSaga(recipe, "TaskQueue = \"checkout\"", "TaskQueue = \"checkout-eu\"");
        var edited = recipe.Run("dotnet test");
        Assert.True(edited.ExitCode != 0, recipe.Log);
        Assert.Matches(new Regex("^\\s*-\\s+public const string TaskQueue = \"checkout\";", RegexOptions.Multiline), edited.Output);
        Assert.Matches(new Regex("^\\s*\\+\\s+public const string TaskQueue = \"checkout-eu\";", RegexOptions.Multiline), edited.Output);
        Assert.Contains("SAGADSL_ACCEPT_SNAPSHOTS=1", edited.Output, StringComparison.Ordinal);

        recipe.Run("SAGADSL_ACCEPT_SNAPSHOTS=1 dotnet test").Succeeded();
        recipe.Run("dotnet test").Succeeded();
        Assert.Contains("\"checkout-eu\"", File.ReadAllText(verified), StringComparison.Ordinal);
        AssertGeneratorOnlyAtRuntime(recipe);
    }

    private static void EditSaga(Recipe recipe, string from, string to)
    {
        var saga = Path.Combine(recipe.Directory, "..", "Shop", "CheckoutSaga.cs");
        var text = File.ReadAllText(saga);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(saga, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>The test project runs the generator but never compiles against it: only the kit is a reference.</summary>
    private static void AssertGeneratorOnlyAtRuntime(Recipe recipe)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(recipe.Directory, "obj", "project.assets.json")));
        var testing = assets.RootElement.GetProperty("targets").EnumerateObject().Single().Value.GetProperty("SagaDsl.Testing/0.1.0");
        var compile = testing.GetProperty("compile").EnumerateObject().Select(item => item.Name).ToList();
        var runtime = testing.GetProperty("runtime").EnumerateObject().Select(item => Path.GetFileName(item.Name)).ToList();

        Assert.Equal(new[] { "ref/net8.0/SagaDsl.Testing.dll" }, compile);
        Assert.Superset(new[] { "SagaDsl.Testing.dll", "SagaDsl.Generator.dll", "SagaDsl.Analyzers.dll" }.ToHashSet(), runtime.ToHashSet());
    }
}
