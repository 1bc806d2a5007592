using System;

class Program
{
    static void Main()
    {
        Console.Error.WriteLine("oops");
    }
}
