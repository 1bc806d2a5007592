module Answer (answer) where

answer :: Int
answer = 6 * 7
