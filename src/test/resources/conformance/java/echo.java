import java.io.IOException;

class Helper {
    static byte[] readAll() throws IOException {
        return System.in.readAllBytes();
    }
}

public class Echo {
    public static void main(String[] args) throws IOException {
        System.out.write(Helper.readAll());
        System.out.flush();
    }
}
