import System.IO

main :: IO ()
main = hPutStrLn stderr "oops"
