using System;
using System.IO;
using System.Linq;
using SagaDsl.Testing.Snapshots;
using Xunit;

namespace OrderSaga.Tests;

/// <summary>
/// A snapshot is only worth approving if it is the code the project's build compiles. The sample's
/// build writes its generated files into obj (EmitCompilerGeneratedFiles); the in-memory run must
/// produce the same files, byte for byte but the byte-order mark.
/// </summary>
public sealed class BuildFidelityTests
{
    [Fact]
    public void In_memory_generation_writes_exactly_what_the_sample_build_wrote()
    {
        var built = BuiltFiles();
        var code = GeneratedSagaCode.FromProject("../OrderSaga");

        Assert.Empty(code.InputErrors);
        Assert.Empty(code.Diagnostics);
        Assert.Equal(built.Select(file => file.Name), code.Files.Select(file => file.HintName));
        foreach (var (name, text) in built)
        {
            Assert.Equal(text, code.Files.Single(file => file.HintName == name).Text);
        }
    }

    // From the test's output folder (bin/{Configuration}/{Framework}): a CI build maps source paths.
    private static (string Name, string Text)[] BuiltFiles()
    {
        var obj = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "OrderSaga", "obj");
        var folder = Directory.GetDirectories(obj, "SagaDsl.Generator.SagaGenerator", SearchOption.AllDirectories)
            .OrderByDescending(Directory.GetLastWriteTimeUtc)
            .First();
        return Directory.GetFiles(folder, "*.cs")
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path).TrimStart('\uFEFF')))
            .OrderBy(file => file.Item1, StringComparer.Ordinal)
            .ToArray();
    }
}
