using System;
using System.IO;
using System.Linq;
using System.Reflection;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Generator.Tests.Parsing;

/// <summary>
/// The names the generator repeats because it cannot reference what it names: the attributes' arguments
/// and the folder its output lives in. Each table is held to its source here.
/// </summary>
public class NameTablesTests
{
    [Theory]
    [InlineData(typeof(AttributeNames.Options), typeof(ActivityOptionsAttribute))]
    [InlineData(typeof(AttributeNames.Saga), typeof(SagaAttribute))]
    [InlineData(typeof(AttributeNames.SagaStep), typeof(SagaStepAttribute))]
    [InlineData(typeof(AttributeNames.CompensatedBy), typeof(CompensatedByAttribute))]
    [InlineData(typeof(AttributeNames.SagaTaskQueue), typeof(SagaTaskQueueAttribute))]
    [InlineData(typeof(AttributeNames.SearchAttribute), typeof(SearchAttributeAttribute))]
    public void The_parser_reads_exactly_the_named_arguments_each_attribute_declares(Type names, Type attribute)
    {
        var read = names.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static field => field.IsLiteral)
            .Select(static field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        // A named argument is a public settable property; those every activity-options attribute inherits are read once, under Options.
        var declared = attribute.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(static property => property.SetMethod is { IsPublic: true })
            .Where(property => attribute == typeof(ActivityOptionsAttribute) || property.DeclaringType != typeof(ActivityOptionsAttribute))
            .Select(static property => property.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, read);
    }

    [Fact]
    public void Every_attribute_with_named_arguments_has_a_table()
    {
        var tabled = typeof(AttributeNames).GetNestedTypes()
            .Select(static table => table == typeof(AttributeNames.Options) ? nameof(ActivityOptionsAttribute) : table.Name + "Attribute");
        var withNamedArguments = typeof(SagaAttribute).Assembly.GetExportedTypes()
            .Where(static type => typeof(Attribute).IsAssignableFrom(type))
            .Where(static type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(static property => property.SetMethod is { IsPublic: true }))
            .Select(static type => type.Name);

        Assert.Equal(withNamedArguments.Order(StringComparer.Ordinal), tabled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generated_files_are_recognised_and_copied_from_the_folder_the_compiler_writes_them_to()
    {
        // The compiler writes a generator's files under "{assembly name}/{generator type's full name}/".
        var folder = $"{typeof(SagaGenerator).Assembly.GetName().Name}/{typeof(SagaGenerator).FullName}/";

        Assert.Equal(GeneratedNames.GeneratorFolder, typeof(SagaGenerator).FullName);
        Assert.Contains("$(CompilerGeneratedFilesOutputPath)/" + folder, File.ReadAllText(Repository.PathOf("src", "SagaDsl.Runtime", "build", "SagaDsl.targets")), StringComparison.Ordinal);
    }
}
