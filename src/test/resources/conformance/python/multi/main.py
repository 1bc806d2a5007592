from helper import answer
print(answer())
