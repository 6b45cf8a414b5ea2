using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// The <c>{Class}</c> of Verify's <c>{Class}.{Method}</c>: the type declaring the test method, read from
/// the call stack. An async test runs in a state machine nested in its class (<c>&lt;Method&gt;d__3</c>),
/// so that nesting is undone. When the stack does not show the test (inlined, or a lambda), the name of
/// the test's source file stands in, as a test class usually names its file.
/// </summary>
internal static class TestClassName
{
    public static string Of(string testMethod, string callerFilePath)
    {
        foreach (var frame in new StackTrace(skipFrames: 1, fNeedFileInfo: false).GetFrames() ?? Array.Empty<StackFrame>())
        {
            if (frame.GetMethod() is { DeclaringType: { } type } method
                && type.Assembly != typeof(TestClassName).Assembly
                && DeclaringTest(method, type) is { } test
                && test.Method == testMethod)
            {
                return WithoutArity(test.Type.Name);
            }
        }

        var file = callerFilePath.Replace('\\', '/');
        return Path.GetFileNameWithoutExtension(file.Substring(file.LastIndexOf('/') + 1));
    }

    private static (Type Type, string Method)? DeclaringTest(MethodBase method, Type type)
    {
        if (method.Name == "MoveNext" && type.Name[0] == '<' && type.DeclaringType is { } owner)
        {
            var end = type.Name.IndexOf('>');
            return end > 1 ? (owner, type.Name.Substring(1, end - 1)) : null;
        }

        return (type, method.Name);
    }

    private static string WithoutArity(string name) =>
        name.IndexOf('`') is var tick and > 0 ? name.Substring(0, tick) : name;
}
