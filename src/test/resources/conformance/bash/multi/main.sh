source ./helper.sh
answer
