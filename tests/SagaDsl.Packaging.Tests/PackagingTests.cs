using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SagaDsl.Packaging.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Packaging.Tests;

/// <summary>
/// "Annotate a saga class in any .NET project": the packages as built, added to fresh projects of
/// each shape by following the README's quick start, built with warnings as errors.
/// </summary>
public partial class PackagingTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    private const string QuickStart = "## Quick start";
    private const string WorkerService = "### In a worker service";

    private const string PlantedWorkflow = """
        using System;
        using System.Threading.Tasks;
        using Temporalio.Workflows;

        namespace Shop;

        [Workflow]
        public class PlantedWorkflow
        {
            [WorkflowRun]
            public Task<DateTime> RunAsync() => Task.FromResult(DateTime.Now);
        }
        """;

    [Fact]
    public void The_package_holds_the_library_for_both_frameworks_the_analyzers_and_the_build_files()
    {
        using var package = ZipFile.OpenRead(feed.PackageOf("SagaDsl"));
        var entries = package.Entries.Select(entry => entry.FullName).ToHashSet();

        Assert.Superset(
            new[]
            {
                "lib/netstandard2.0/SagaDsl.Attributes.dll", "lib/netstandard2.0/SagaDsl.Attributes.xml",
                "lib/netstandard2.0/SagaDsl.Runtime.dll", "lib/netstandard2.0/SagaDsl.Runtime.xml",
                "lib/net8.0/SagaDsl.Attributes.dll", "lib/net8.0/SagaDsl.Attributes.xml",
                "lib/net8.0/SagaDsl.Runtime.dll", "lib/net8.0/SagaDsl.Runtime.xml",
                "analyzers/dotnet/cs/SagaDsl.Generator.dll", "analyzers/dotnet/cs/SagaDsl.Analyzers.dll", "analyzers/dotnet/cs/SagaDsl.CodeFixes.dll",
                "build/SagaDsl.props", "build/SagaDsl.targets", "buildTransitive/SagaDsl.props", "buildTransitive/SagaDsl.targets",
                "README.md",
            }.ToHashSet(),
            entries);
        Assert.DoesNotContain(entries, entry => entry.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        var nuspec = ReadEntry(package, "SagaDsl.nuspec");
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", nuspec, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"Temporalio\"", nuspec, StringComparison.Ordinal);
        Assert.Equal(2, CountOf("<dependency ", nuspec));
    }

    [Fact]
    public void The_attributes_reference_nothing_of_Temporal_and_the_symbols_package_holds_both_libraries()
    {
        using var package = ZipFile.OpenRead(feed.PackageOf("SagaDsl"));
        foreach (var framework in new[] { "netstandard2.0", "net8.0" })
        {
            Assert.DoesNotContain(ReferencedAssemblies(package, $"lib/{framework}/SagaDsl.Attributes.dll"), name => name.StartsWith("Temporalio", StringComparison.Ordinal));
            Assert.Contains("Temporalio", ReferencedAssemblies(package, $"lib/{framework}/SagaDsl.Runtime.dll"));
        }

        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(feed.PackageOf("SagaDsl"), ".snupkg"));
        Assert.Equal(
            new[]
            {
                "lib/net8.0/SagaDsl.Attributes.pdb", "lib/net8.0/SagaDsl.Runtime.pdb",
                "lib/netstandard2.0/SagaDsl.Attributes.pdb", "lib/netstandard2.0/SagaDsl.Runtime.pdb",
            },
            symbols.Entries.Select(entry => entry.FullName).Where(name => name.EndsWith(".pdb", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_testing_package_holds_the_kit_with_the_generator_at_runtime_only_and_depends_on_SagaDsl()
    {
        using var package = ZipFile.OpenRead(feed.PackageOf("SagaDsl.Testing"));

        Assert.Contains(package.Entries, entry => entry.FullName == "lib/net8.0/SagaDsl.Testing.dll");
        Assert.Contains(package.Entries, entry => entry.FullName == "lib/netstandard2.0/SagaDsl.Testing.dll");
        Assert.Contains(package.Entries, entry => entry.FullName == "ref/net8.0/SagaDsl.Testing.dll");
        Assert.Contains(package.Entries, entry => entry.FullName == "lib/net8.0/SagaDsl.Generator.dll");
        Assert.Contains(package.Entries, entry => entry.FullName == "build/SagaDsl.Testing.targets");
        Assert.DoesNotContain(package.Entries, entry => entry.FullName.StartsWith("ref/", StringComparison.Ordinal) && entry.Name.StartsWith("SagaDsl.Generator", StringComparison.Ordinal));
        Assert.Contains("<dependency id=\"SagaDsl\" version=\"0.1.0\"", ReadEntry(package, "SagaDsl.Testing.nuspec"), StringComparison.Ordinal);
    }

    [Fact]
    public void Console_app_following_the_quick_start_builds_draws_its_diagram_and_reports_a_clock_read()
    {
        var recipe = new Recipe(feed.NewWorkspace("console")).Follow(ReadmeSection.Read(QuickStart).Steps);

        AssertGenerated(recipe, "CheckoutSagaWorkflow", "Activities", "CheckoutSagaWorker", "CheckoutSagaClient");
        var diagrams = recipe.Run("dotnet build -p:SagaDslDiagramsPath=diagrams").Succeeded();
        var diagram = File.ReadAllText(Path.Combine(recipe.Directory, "diagrams", "Shop.CheckoutSaga.md"));
        Assert.Contains("```mermaid", diagram, StringComparison.Ordinal);
        Assert.Contains("W->>Q1: 2. ChargeCard (pivot)", diagram, StringComparison.Ordinal);
        AssertClockReadReported(recipe);
    }

    [Fact]
    public void Class_library_builds_the_saga()
    {
        var steps = ReadmeSection.Read(QuickStart).Steps
            .Select(step => step is ReadmeStep.Command { Line: "dotnet new console -o Shop" } ? new ReadmeStep.Command("dotnet new classlib -o Shop") : step)
            .Where(step => step is not ReadmeStep.File { Name: "Program.cs" });

        var recipe = new Recipe(feed.NewWorkspace("classlib")).Follow(steps);

        AssertGenerated(recipe, "CheckoutSagaWorkflow", "Activities", "CheckoutSagaWorker", "CheckoutSagaClient");
        AssertClockReadReported(recipe);
    }

    [Fact]
    public void Netstandard_library_gets_one_clear_error_on_C_sharp_7_3_and_builds_on_a_recent_version()
    {
        var section = ReadmeSection.Read(QuickStart);
        var recipe = new Recipe(feed.NewWorkspace("netstandard"));
        recipe.Run("dotnet new classlib -f netstandard2.0 -o Shop").Succeeded();
        recipe.Run("cd Shop");
        recipe.Run("dotnet add package SagaDsl").Succeeded();
        recipe.Write("CheckoutSaga.cs", section.File("CheckoutSaga.cs"));

        var defaultLanguage = recipe.Run("dotnet build");

        Assert.NotEqual(0, defaultLanguage.ExitCode);
        Assert.Contains("error SAGA021: Saga 'Shop.CheckoutSaga' needs C# 9 or later", defaultLanguage.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(".g.cs(", defaultLanguage.Output, StringComparison.Ordinal);

        // What the README says such a library needs: a recent C#, and the polyfill its own records use.
        var project = Path.Combine(recipe.Directory, "Shop.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</TargetFramework>", "</TargetFramework>\n    <LangVersion>latest</LangVersion>", StringComparison.Ordinal));
        recipe.Write("IsExternalInit.cs", "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }\n");
        recipe.Run("dotnet build").Succeeded();

        AssertGenerated(recipe, "CheckoutSagaWorkflow", "Activities", "CheckoutSagaWorker", "CheckoutSagaClient");
    }

    [Fact]
    public void A_saga_with_a_mistake_shows_its_SAGA_error_in_dotnet_build_and_generated_code_stays_clean_under_latest_all()
    {
        var quickStart = ReadmeSection.Read(QuickStart);
        var recipe = new Recipe(feed.NewWorkspace("mistake"));
        recipe.Run("dotnet new classlib -o Shop").Succeeded();
        recipe.Run("cd Shop");
        recipe.Run("dotnet add package SagaDsl").Succeeded();
        var project = Path.Combine(recipe.Directory, "Shop.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</TargetFramework>", "</TargetFramework>\n    <AnalysisLevel>latest-all</AnalysisLevel>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>", StringComparison.Ordinal));
        // Code that names the saga's generated types in declarations, as an application does.
        recipe.Write("Checkout.cs", """
            using System.Threading.Tasks;
            using Temporalio.Client;

            namespace Shop;

            public sealed class Checkout(ITemporalClient client)
            {
                public Task<CheckoutSagaResult> RunAsync(Cart cart) => client.ExecuteCheckoutSagaAsync(cart, cart.CartId);
            }
            """);
        recipe.Write("CheckoutSaga.cs", quickStart.File("CheckoutSaga.cs").Replace("public sealed partial class CheckoutSaga", "public sealed class CheckoutSaga", StringComparison.Ordinal));

        var mistake = recipe.Run("dotnet build");

        Assert.NotEqual(0, mistake.ExitCode);
        Assert.Contains("error SAGA001: Saga class 'CheckoutSaga' must be declared partial", mistake.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0246", mistake.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(".g.cs(", mistake.Output, StringComparison.Ordinal);

        recipe.Write("CheckoutSaga.cs", quickStart.File("CheckoutSaga.cs"));
        var fixedBuild = recipe.Run("dotnet build");

        Assert.DoesNotContain("SAGA0", fixedBuild.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(".g.cs(", fixedBuild.Output, StringComparison.Ordinal);
        AssertGenerated(recipe, "CheckoutSagaWorkflow", "Activities", "CheckoutSagaWorker", "CheckoutSagaClient");
    }

    [Fact]
    public void Worker_service_hosts_the_saga_through_the_generated_registration()
    {
        var section = ReadmeSection.Read(WorkerService);
        var recipe = new Recipe(feed.NewWorkspace("worker"));
        recipe.Follow(section.Steps.OfType<ReadmeStep.Command>().Where(command => command.Line != "dotnet build"));
        recipe.Write("CheckoutSaga.cs", ReadmeSection.Read(QuickStart).File("CheckoutSaga.cs"));
        recipe.Write("Program.cs", section.File("Program.cs"));
        recipe.Run("dotnet build").Succeeded();

        AssertGenerated(recipe, "CheckoutSagaWorkflow", "Activities", "CheckoutSagaWorker", "CheckoutSagaClient", "CheckoutSagaHosting");
        AssertClockReadReported(recipe);
    }

    /// <summary>The saga's one generated file exists and declares each of the given classes.</summary>
    private static void AssertGenerated(Recipe recipe, params string[] classes)
    {
        var generated = Directory.GetFiles(Path.Combine(recipe.Directory, "obj"), "Shop.CheckoutSaga.g.cs", SearchOption.AllDirectories);

        Assert.True(generated.Length == 1, $"generated: {string.Join(", ", generated)}\n{recipe.Log}");
        var text = File.ReadAllText(generated[0]);
        Assert.All(classes, name => Assert.Contains($" class {name}", text, StringComparison.Ordinal));
    }

    private static void AssertClockReadReported(Recipe recipe)
    {
        recipe.Write("PlantedWorkflow.cs", PlantedWorkflow);
        var build = recipe.Run("dotnet build");
        File.Delete(Path.Combine(recipe.Directory, "PlantedWorkflow.cs"));

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SAGA101", build.Output, StringComparison.Ordinal);
        Assert.Contains("DateTime.Now", build.Output, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string within) =>
        (within.Length - within.Replace(text, string.Empty, StringComparison.Ordinal).Length) / text.Length;

    private static string[] ReferencedAssemblies(ZipArchive package, string name)
    {
        using var stream = new MemoryStream();
        using (var entry = package.GetEntry(name)!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToArray();
    }

    private static string ReadEntry(ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
