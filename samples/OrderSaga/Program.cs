using System;
using System.Threading.Tasks;

namespace OrderSaga;

internal static class Program
{
    private static async Task<int> Main(string[] args) => await SampleRunner.RunAsync(args);
}
