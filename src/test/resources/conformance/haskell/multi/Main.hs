import Answer (answer)

main :: IO ()
main = print answer
