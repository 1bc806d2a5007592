local helper = require("helper")
print(helper.answer())
