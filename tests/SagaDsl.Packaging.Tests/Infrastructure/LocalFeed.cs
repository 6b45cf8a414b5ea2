using System;
using System.IO;
using SagaDsl.Tests.Shared;

namespace SagaDsl.Packaging.Tests.Infrastructure;

/// <summary>
/// The packages as built by this test run, packed into a folder that fresh projects use as a NuGet
/// source beside the machine's own. Restores go to a package cache of the run's own, so a package of
/// the same version cached earlier can never stand in for the one just built.
/// </summary>
public sealed class LocalFeed : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public LocalFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "sagadsl-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        Packages = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Packages);
        foreach (var project in new[] { "SagaDsl.Runtime", "SagaDsl.Testing" })
        {
            Shell.Run(Repository.Root, $"dotnet pack src/{project}/{project}.csproj --no-build -c {Configuration} -o '{Packages}'").Succeeded();
        }
    }

    /// <summary>Gets the folder of this run: the feed, the package cache and the projects.</summary>
    public string Root { get; }

    /// <summary>Gets the folder the packages were packed into.</summary>
    public string Packages { get; }

    public string PackageOf(string id) => Path.Combine(Packages, $"{id}.0.1.0.nupkg");

    /// <summary>
    /// Creates an empty folder for one project shape, with a nuget.config that adds the feed and
    /// build files that stop MSBuild from reaching into folders above.
    /// </summary>
    public string NewWorkspace(string name)
    {
        var workspace = Path.Combine(Root, name);
        Directory.CreateDirectory(workspace);
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (Directory.Exists(Path.Combine(machineCache, "sagadsl", "0.1.0")))
        {
            // The machine cache serves the other packages; it must not serve an older SagaDsl of this version.
            throw new InvalidOperationException($"{machineCache} holds a SagaDsl 0.1.0 that would hide the one under test; delete {Path.Combine(machineCache, "sagadsl")}.");
        }
        File.WriteAllText(Path.Combine(workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="sagadsl-under-test" value="{Packages}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <add key="machine" value="{machineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // As strict as this repository's own build, and with the generated files on disk to inspect.
        File.WriteAllText(Path.Combine(workspace, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- This machine's package mirror serves System.Text.Json 9.0.5 for Temporalio's 9.0.4. -->
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(workspace, "Directory.Build.targets"), "<Project />");
        return workspace;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is cleaned by the system.
        }
    }
}
