using System;

class Args
{
    static void Main(string[] args)
    {
        Console.WriteLine(string.Join(" ", args));
    }
}
