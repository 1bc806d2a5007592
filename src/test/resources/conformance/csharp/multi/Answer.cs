static class Answer
{
    public static int Value()
    {
        return 6 * 7;
    }
}
